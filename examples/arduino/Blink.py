# Blink: the LED on, one second; off, one second; forever.
# Arduino's 01.Basics/Blink, written with the arduino module.  Runs on
# Breadboard (./breadboard examples/arduino/Blink.py) and unchanged on a
# real board with the arduino package copied to it.
from arduino import *


def setup():
    pinMode(LED_BUILTIN, OUTPUT)


def loop():
    digitalWrite(LED_BUILTIN, HIGH)  # turn the LED on
    delay(1000)                      # wait for a second
    digitalWrite(LED_BUILTIN, LOW)   # turn the LED off
    delay(1000)


run()  # setup() once, then loop() forever
