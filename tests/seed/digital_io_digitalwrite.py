# board: nano-rp2040
# reference: micropython-reference.md, "Digital I/O > digitalWrite()" (line 144)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

from machine import Pin

pin = Pin(5, Pin.PULL_UP) #define pin
pin.value(1) #set pin to high state
