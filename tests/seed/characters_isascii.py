# board: nano-rp2040
# reference: micropython-reference.md, "Characters > isAscii()" (line 680)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

char = 'Ã'

if 0 <= ord(char) < 128:
    print(f"{char} is an ASCII character.")
else:
    print(f"{char} is not an ASCII character.")
