# ShiftOut: count from 0 to 255 in binary on eight LEDs driven by a 74HC595
# shift register, a number every half second.
# Arduino's ShiftOut tutorial ("Hello World", ShftOut11), written with the
# arduino module: the latch (the 595's RCLK) goes low, shiftOut() clocks the
# eight bits in MSB first, and the latch going high shows them on Q0..Q7.
#
#     ./breadboard --speed max --until 3s --parts examples/arduino/ShiftOut.parts \
#                  --stimulus examples/arduino/ShiftOut.stim --trace - examples/arduino/ShiftOut.py
from arduino import *

latchPin = 8   # to the 595's ST_CP (RCLK)
clockPin = 12  # to SH_CP (SRCLK)
dataPin = 11   # to DS (SER)


def setup():
    pinMode(latchPin, OUTPUT)
    pinMode(clockPin, OUTPUT)
    pinMode(dataPin, OUTPUT)


def loop():
    for numberToDisplay in range(256):
        digitalWrite(latchPin, LOW)  # the outputs hold while the bits go in
        shiftOut(dataPin, clockPin, MSBFIRST, numberToDisplay)
        digitalWrite(latchPin, HIGH)  # the new number appears on Q0..Q7
        delay(500)


run()
