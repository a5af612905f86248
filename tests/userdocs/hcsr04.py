# An HC-SR04 distance read with machine.time_pulse_us, written from
# docs/parts.md (the hcsr04 part) and the MicroPython machine docs: a 10 us
# trigger pulse, then the echo's high time; distance = time x 343 m/s / 2.
# A reading every 100 ms is printed in cm.
import time
from machine import Pin, time_pulse_us

try:
    import sim
    BOARD = sim.board()
except ImportError:
    BOARD = "nano-rp2040"

# trigger, echo: D3, D4 on the Nanos; GP14, GP15 on the Pico
TRIG, ECHO = {"nano-rp2040": ("D3", "D4"), "nano-esp32": (6, 7),
              "rpi-pico": (14, 15)}[BOARD]
trig = Pin(TRIG, Pin.OUT, value=0)
echo = Pin(ECHO, Pin.IN)


def distance_cm():
    trig.value(1)
    time.sleep_us(10)
    trig.value(0)
    us = time_pulse_us(echo, 1, 30000)   # 30 ms: about 5 m
    if us < 0:
        return None                       # -1 / -2: no echo in time
    return us * 0.0343 / 2


while True:
    d = distance_cm()
    if d is None:
        print("at", time.ticks_ms(), "ms: out of range")
    else:
        print("at", time.ticks_ms(), "ms: %.1f cm" % d)
    time.sleep_ms(100)
