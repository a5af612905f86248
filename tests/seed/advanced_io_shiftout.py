# board: nano-rp2040
# reference: micropython-reference.md, "Advanced I/O > shiftOut()" (line 490)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

import machine

def shiftOut(dataPin, clockPin, bitOrder=machine.MSBFIRST, value):
    for i in range(8):
        mask = 1 << i if bitOrder == machine.LSBFIRST else 1 << (7 - i)
        machine.Pin(dataPin).value(bool(value & mask))
        machine.Pin(clockPin).value(1)
        machine.Pin(clockPin).value(0)
