# board: nano-rp2040
# reference: micropython-reference.md, "Math > abs()" (line 522)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

result = abs(-5)
