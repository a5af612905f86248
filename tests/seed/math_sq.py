# board: nano-rp2040
# reference: micropython-reference.md, "Math > sq()" (line 578)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

result = sq(4)  # Result will be 16
