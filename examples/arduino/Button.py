# Button: the LED on pin 13 is lit while the pushbutton on pin 2 is pressed.
# Arduino's 02.Digital/Button, written with the arduino module.  The button
# connects pin 2 to 3.3 V, and a 10k resistor holds the pin low while it is
# open, so a press reads HIGH (Button.parts wires exactly that).
#
#     ./breadboard --speed max --until 1s --parts examples/arduino/Button.parts \
#                  --stimulus examples/arduino/Button.stim --trace - examples/arduino/Button.py
from arduino import *

buttonPin = 2         # the pushbutton
ledPin = 13           # the LED (the built-in one on the Nanos)


def setup():
    pinMode(ledPin, OUTPUT)
    pinMode(buttonPin, INPUT)


def loop():
    buttonState = digitalRead(buttonPin)  # HIGH while pressed
    if buttonState == HIGH:
        digitalWrite(ledPin, HIGH)
    else:
        digitalWrite(ledPin, LOW)


run()
