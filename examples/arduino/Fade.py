# Fade: fade an LED on pin 9 up and down with analogWrite (PWM).
# Arduino's 01.Basics/Fade, written with the arduino module.  analogWrite
# takes 0..255 and runs the pin's PWM at 500 Hz (the Arduino mbed cores'
# analogWrite frequency).
from arduino import *

led = 9          # the PWM pin the LED is attached to
brightness = 0   # how bright the LED is
fadeAmount = 5   # how many points to fade the LED by


def setup():
    pinMode(led, OUTPUT)


def loop():
    global brightness, fadeAmount
    analogWrite(led, brightness)  # set the brightness of pin 9
    brightness = brightness + fadeAmount
    if brightness <= 0 or brightness >= 255:
        fadeAmount = -fadeAmount  # reverse the direction at the ends
    delay(30)                     # wait 30 ms to see the dimming effect


run()
