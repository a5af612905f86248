# board: giga-r1
# reference: micropython-reference.md, "Analog I/O > analogWrite() (STM32)" (line 240)
# board choice: uses pyb, the STM32 port's module (GIGA R1 / Portenta H7)
# The example follows unchanged; checks in tests/cli/test_seed.py.

import pyb
import time
from pyb import Pin, Timer

pin1 = Pin("PC6", Pin.OUT_PP, Pin.PULL_NONE)
timer1 = Timer(3, freq=1000)
channel1 = timer1.channel(1, Timer.PWM, pin=pin1, pulse_width=0)

channel1.pulse_width(50) #duty cycle at 50%
