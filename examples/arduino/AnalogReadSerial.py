# AnalogReadSerial: read the potentiometer on A0 and print the value.
# Arduino's 01.Basics/AnalogReadSerial, written with the arduino module.
# analogRead gives 0..1023 (10 bits) for 0..3.3 V.  On Breadboard, give A0
# a voltage with a parts file (a pot) or sim.voltage("A0", volts).
from arduino import *


def setup():
    Serial.begin(9600)  # the USB serial port: MicroPython's console


def loop():
    sensorValue = analogRead(A0)  # read the input on analog pin 0
    Serial.println(sensorValue)   # print out the value you read
    delay(1)                      # delay in between reads for stability


run()  # setup() once, then loop() forever
