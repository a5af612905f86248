# Blink: an LED (through a 220 ohm resistor) on GP15 of a Raspberry Pi Pico.
from machine import Pin
import time

led = Pin(15, Pin.OUT)
print("blinking")
while True:
    led.toggle()
    time.sleep(0.5)
