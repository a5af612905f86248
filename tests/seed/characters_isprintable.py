# board: nano-rp2040
# reference: micropython-reference.md, "Characters > isPrintable()" (line 753)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

char = '\t'

if char.isprintable():
    print("Is printable.")
else:
    print("Is not printable.")
