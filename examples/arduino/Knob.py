# Knob: a servo on pin 9 follows a potentiometer on A0.
# The Servo library's Knob example, written with the arduino module:
# analogRead gives 0..1023, map() turns it into 0..180 degrees, and
# Servo.write() sends that angle as a 544..2400 us pulse every 20 ms.
# (On the Nano ESP32 analogRead reads 12 bits, as its core does: call
# analogReadResolution(10) in setup() there, or map from 0..4095.)
#
#     ./breadboard --speed max --until 2.5s --parts examples/arduino/Knob.parts \
#                  --stimulus examples/arduino/Knob.stim --trace - examples/arduino/Knob.py
from arduino import *

myservo = Servo()  # a servo object to control a servo
potpin = A0        # the potentiometer's wiper


def setup():
    myservo.attach(9)  # the servo on pin 9


def loop():
    val = analogRead(potpin)        # 0..1023
    val = map(val, 0, 1023, 0, 180)  # scaled to the servo's 0..180 degrees
    myservo.write(val)              # set the position
    delay(15)                       # wait for the servo to get there


run()
