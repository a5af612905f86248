# board: nano-rp2040
# reference: micropython-reference.md, "Bits and Bytes > highByte()" (line 395)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

# Example variable
variable = 255

bit_length = 8
# Extract the leftmost bit
leftmost_bit_index = bit_length - 1
leftmost_bit = (variable >> leftmost_bit_index) & 1

# Print the result
print("Leftmost bit: ", leftmost_bit)
