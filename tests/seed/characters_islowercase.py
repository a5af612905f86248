# board: nano-rp2040
# reference: micropython-reference.md, "Characters > isLowerCase()" (line 736)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

char = 'a'

if char.islower():
    print("Is lower case.")
else:
    print("Is not lower case.")
