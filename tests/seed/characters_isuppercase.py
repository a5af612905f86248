# board: nano-rp2040
# reference: micropython-reference.md, "Characters > isUpperCase()" (line 797)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

char = 'A'

if char.isupper():
    print(f"{char} is an uppercase letter.")
else:
    print(f"{char} is not an uppercase letter.")
