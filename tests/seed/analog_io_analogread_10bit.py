# board: giga-r1
# reference: micropython-reference.md, "Analog I/O > analogRead()", the 16-bit to 10-bit note (line 200)
# board choice: a fragment continuing the analogRead() example (PC4, STM32); needs `reading`
# The example follows unchanged; checks in tests/cli/test_seed.py.

# right-shifts the bits and discards the 6 most significant bits
# effectively changing the value range from 0-65535 to 0-1023
result = (reading >> 6) & 0x3FF
