# board: nano-rp2040
# reference: micropython-reference.md, "Advanced I/O > noTone()" (line 449)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

import machine

def noTone(pin):
    pwm = machine.PWM(machine.Pin(pin))
    pwm.deinit()
