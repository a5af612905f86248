# board: nano-rp2040
# reference: micropython-reference.md, "Characters > isControl()" (line 695)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

char = '\t'  # Example: Tab character

if 0 <= ord(char) < 32 or ord(char) == 127:
    print(f"{char} is a control character.")
else:
    print(f"{char} is not a control character.")
