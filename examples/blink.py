# Blink: the LED of the Arduino Nano RP2040 Connect (Pin("LED"), GPIO6,
# header D13) toggles every 500 ms, forever.  On Breadboard:
#     ./breadboard --speed max --until 3s --vcd blink.vcd --trace - examples/blink.py
from machine import Pin
import time

led = Pin("LED", Pin.OUT)

while True:
    led.toggle()
    time.sleep_ms(500)
