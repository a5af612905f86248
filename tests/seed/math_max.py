# board: nano-rp2040
# reference: micropython-reference.md, "Math > max()" (line 554)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

result = max(5, 10, 3)  # Result will be 10
