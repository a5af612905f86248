# board: nano-rp2040
# reference: micropython-reference.md, "Characters > isDigit()" (line 709)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

char = '5'
if char.isdigit():
    print(f"{char} is a digit.")
else:
    print(f"{char} is not a digit.")
