# board: nano-rp2040
# reference: micropython-reference.md, "Advanced I/O > pulseIn()" (line 461)
# board choice: no board named in the reference: the default board
# The example follows unchanged; checks in tests/cli/test_seed.py.

import machine

def pulseIn(pin, level, timeout=1000000):
    pulse_start = machine.time_pulse_us(machine.Pin(pin), level, timeout)
    pulse_end = machine.time_pulse_us(machine.Pin(pin), not level, timeout)
    return pulse_end - pulse_start
