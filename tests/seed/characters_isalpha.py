# board: nano-rp2040
# reference: micropython-reference.md, "Characters > isAlpha()" (line 643)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

char = 'a'
if char.isalpha():
    print(f"{char} is alphabetic.")
else:
    print(f"{char} is not alphabetic.")
