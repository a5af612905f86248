# board: nano-rp2040
# reference: micropython-reference.md, "Bits and Bytes > lowByte()" (line 423)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

# Example variable
variable = 255

# Extract the rightmost bit
rightmost_bit = variable & 1

# Print the result
print("Rigthmost bit: ", rightmost_bit)
