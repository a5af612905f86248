# board: nano-rp2040
# reference: micropython-reference.md, "Characters > isAlphaNumeric()" (line 659)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

# Function to check if a character is alphanumeric
def is_alphanumeric(char):
    return char.isalpha() or char.isdigit()

# Example usage
test_char = 'a'

if is_alphanumeric(test_char):
    print(f"{test_char} is alphanumeric.")
else:
    print(f"{test_char} is not alphanumeric.")

