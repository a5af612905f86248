# An Arduino-style sketch with the arduino module (docs/arduino.md): a
# button on pin 2 (INPUT_PULLUP, to GND) counted by attachInterrupt, a
# potentiometer on A0 read with analogRead (10 bits on every board), and an
# LED on pin 9 whose brightness follows the pot through analogWrite.  Every
# 100 ms (millis()) it prints the count, the reading and the PWM value.
from arduino import *

BUTTON = 2
POT = A0
LED = 9

presses = 0
last_report = 0


def on_press():
    global presses
    presses += 1


def setup():
    global last_report
    Serial.begin(115200)
    analogReadResolution(10)            # the Nano ESP32 defaults to 12
    pinMode(BUTTON, INPUT_PULLUP)
    pinMode(LED, OUTPUT)
    attachInterrupt(digitalPinToInterrupt(BUTTON), on_press, FALLING)
    Serial.println("sketch on " + BOARD)
    last_report = millis()


def loop():
    global last_report
    value = analogRead(POT)
    pwm = map(value, 0, 1023, 0, 255)
    analogWrite(LED, pwm)
    if (millis() - last_report) & 0xFFFFFFFF >= 100:
        last_report = millis()
        Serial.print("t=")
        Serial.print(last_report)
        Serial.print(" presses=")
        Serial.print(presses)
        Serial.print(" pot=")
        Serial.print(value)
        Serial.print(" pwm=")
        Serial.println(pwm)
    delay(10)


run()
