# A pyb script for the Arduino GIGA R1 (docs/board.md "pyb"; the MicroPython
# pyb.Timer and pyb.LED docs): timer 3 at 1 kHz drives a PWM on channel 1,
# pin PC6 (TIM3_CH1), at 25 % and then 75 %; timer 2 at 10 Hz toggles the
# green LED from its callback; the red LED is on for the first half second.
import pyb

tim = pyb.Timer(3, freq=1000)
ch = tim.channel(1, pyb.Timer.PWM, pin=pyb.Pin("PC6"), pulse_width_percent=25)
print("timer3", tim.freq(), "Hz prescaler", tim.prescaler(), "period", tim.period())

red = pyb.LED(1)
green = pyb.LED(2)
ticks = 0


def blink(t):
    global ticks
    ticks += 1
    green.toggle()


red.on()
tick_timer = pyb.Timer(2, freq=10, callback=blink)
pyb.delay(500)
red.off()
ch.pulse_width_percent(75)
print("75 % at", pyb.millis(), "ms, width", ch.pulse_width())
pyb.delay(500)
tick_timer.callback(None)
print("ticks", ticks)
ch.pulse_width(0)
pyb.delay(10)
