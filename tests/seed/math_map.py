# board: nano-rp2040
# reference: micropython-reference.md, "Math > map()" (line 542)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

def map(value, in_min, in_max, out_min, out_max):
    return (value - in_min) * (out_max - out_min) / (in_max - in_min) + out_min

result = map(50, 0, 100, 0, 255)
