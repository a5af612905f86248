# Debounce: each press of the button on pin 2 toggles the LED on pin 13 --
# once, however much the contacts bounce: a new reading counts only after it
# has been steady for debounceDelay (50 ms).
# Arduino's 02.Digital/Debounce, written with the arduino module.
#
#     ./breadboard --speed max --until 1s --parts examples/arduino/Debounce.parts \
#                  --stimulus examples/arduino/Debounce.stim --trace - examples/arduino/Debounce.py
from arduino import *

buttonPin = 2         # the pushbutton (to 3.3 V, 10k pull-down)
ledPin = 13           # the LED (the built-in one on the Nanos)

ledState = HIGH         # the LED starts lit
buttonState = LOW       # the debounced state of the button
lastButtonState = LOW   # the previous reading
lastDebounceTime = 0    # when the reading last changed (millis)
debounceDelay = 50      # how long a reading must hold, ms


def setup():
    pinMode(buttonPin, INPUT)
    pinMode(ledPin, OUTPUT)
    digitalWrite(ledPin, ledState)


def loop():
    global ledState, buttonState, lastButtonState, lastDebounceTime
    reading = digitalRead(buttonPin)
    if reading != lastButtonState:
        lastDebounceTime = millis()  # it moved (a press, a release or a bounce): start timing again
    # held longer than the delay: take it as the button's state (unsigned
    # long arithmetic in Arduino, so mask to 32 bits for millis() wrapping)
    if (millis() - lastDebounceTime) & 0xFFFFFFFF > debounceDelay:
        if reading != buttonState:
            buttonState = reading
            if buttonState == HIGH:  # a press (not a release) toggles the LED
                ledState = LOW if ledState == HIGH else HIGH
    digitalWrite(ledPin, ledState)
    lastButtonState = reading


run()
