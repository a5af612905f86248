# A PWM fade of an LED, written from docs/board.md and the MicroPython
# machine.PWM docs: a 1 kHz PWM whose duty_u16 ramps from 0 to 65535 in 16
# steps of 20 ms, then back down to 0, then the PWM is switched off.
# Each step prints its time and duty so a test can line them up with the
# VCD.
import time
from machine import Pin, PWM

try:
    import sim
    BOARD = sim.board()
except ImportError:
    BOARD = "nano-rp2040"

# D9 on the Nanos (GPIO21 on the RP2040 Connect, GPIO18 on the ESP32), GP16 on the Pico
LED = {"nano-rp2040": "D9", "nano-esp32": 18, "rpi-pico": 16}[BOARD]
STEPS = 16
STEP_MS = 20

pwm = PWM(Pin(LED), freq=1000, duty_u16=0)
print("pwm", pwm, "freq", pwm.freq())
levels = [i * 65535 // STEPS for i in range(STEPS + 1)]
for duty in levels + levels[-2::-1]:
    pwm.duty_u16(duty)
    print("duty", duty, "at", time.ticks_us())
    time.sleep_ms(STEP_MS)
pwm.deinit()
print("done at", time.ticks_us())
