# board: nano-rp2040
# reference: micropython-reference.md, "Bits and Bytes > bitSet()" (line 363)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

# Example variable
variable = 12345

# Set the third bit
bit_index = 2

print()
print("Before setting a bit: ",bin(variable))
print("Before setting a bit: ",variable)
variable = variable | (1 << bit_index)

# Print the result
print("After setting a bit: ",bin(variable))
print("After setting a bit: ",variable)
