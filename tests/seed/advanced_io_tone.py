# board: nano-rp2040
# reference: micropython-reference.md, "Advanced I/O > tone()" (line 505)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

import machine

def tone(pin, frequency, duration=None):
    pwm = machine.PWM(machine.Pin(pin))
    pwm.freq(frequency)
    if duration is not None:
        machine.sleep(duration)
        pwm.deinit()
