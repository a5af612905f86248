# board: nano-rp2040
# reference: micropython-reference.md, "Math > constrain()" (line 530)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

def constrain(value, lower, upper):
    return max(min(value, upper), lower)

result = constrain(10, 0, 5)  # Result will be 5
