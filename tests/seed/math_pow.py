# board: nano-rp2040
# reference: micropython-reference.md, "Math > pow()" (line 570)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

result = pow(2, 3)  # Result will be 8
