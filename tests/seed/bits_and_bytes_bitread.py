# board: nano-rp2040
# reference: micropython-reference.md, "Bits and Bytes > bitRead()" (line 326)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

'''
This example prints out each bit of an 8-bit variable
It stops after 255 (the max value an 8-bit variable can hold)
'''
import time
counter = 0

bit_length = 8 # 8 bits
while True:
    bits = []
    for bit_index in range(bit_length - 1, -1, -1):
        bit_value = (counter >> bit_index) & 1
        bits.append(bit_value)
    print("Binary: ", bits, " DEC: ", counter)

    counter += 1
    time.sleep(0.01)
    if counter > 255:
        break
