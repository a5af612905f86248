# board: nano-rp2040
# reference: micropython-reference.md, "Characters > isSpace()" (line 782)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

char = ' '

if char.isspace():
    print(f"{char} is a space character.")
else:
    print(f"{char} is not a space character.")
