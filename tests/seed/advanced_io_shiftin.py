# board: nano-rp2040
# reference: micropython-reference.md, "Advanced I/O > shiftIn()" (line 474)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

import machine

def shiftIn(dataPin, clockPin, bitOrder=machine.MSBFIRST):
    value = 0
    for i in range(8):
        value |= machine.Pin(dataPin).value() << (7 - i)
        machine.Pin(clockPin).value(1)
        machine.Pin(clockPin).value(0)
    return value
