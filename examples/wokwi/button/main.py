# A push button on GP14 (to GND, so the pin is pulled up) lights the LED
# on GP15 while it is held, and every press is counted on the console.
from machine import Pin
import time

button = Pin(14, Pin.IN, Pin.PULL_UP)
led = Pin(15, Pin.OUT, value=0)
presses = 0
last = button.value()
print("ready")
while True:
    now = button.value()
    led.value(not now)
    if last == 1 and now == 0:
        presses += 1
        print("pressed", presses)
    last = now
    time.sleep_ms(10)
