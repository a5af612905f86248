# board: nano-rp2040
# reference: micropython-reference.md, "Characters > isGraph()" (line 721)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

char = 'A'

if char.isprintable() and not char.isspace():
    print(f"{char} is a graph character.")
else:
    print(f"{char} is not a graph character.")
