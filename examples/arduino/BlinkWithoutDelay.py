# BlinkWithoutDelay: blink the LED by watching millis(), so loop() never
# blocks and could do other work in between.
# Arduino's 02.Digital/BlinkWithoutDelay, written with the arduino module.
from arduino import *

ledPin = LED_BUILTIN
ledState = LOW
previousMillis = 0  # when the LED last changed
interval = 1000     # blink interval, ms


def setup():
    pinMode(ledPin, OUTPUT)


def loop():
    global previousMillis, ledState
    currentMillis = millis()
    # Arduino's unsigned long subtraction survives millis() wrapping at
    # 2**32; Python ints do not wrap, so mask the difference to 32 bits.
    if (currentMillis - previousMillis) & 0xFFFFFFFF >= interval:
        previousMillis = currentMillis
        ledState = HIGH if ledState == LOW else LOW
        digitalWrite(ledPin, ledState)


run()
