# arduino.servo: Arduino's Servo library (#include <Servo.h>) over a 50 Hz PWM.
#
#     from arduino import *        # Servo comes with it
#     myservo = Servo()
#     myservo.attach(9)            # pulses start at 1500 us (the middle)
#     myservo.write(90)            # an angle, 0..180
#
# The API and its numbers are the Servo library's documented ones: attach(pin
# [, min, max]) with min = 544 us for 0 degrees and max = 2400 us for 180,
# write(value) taking values below 544 as angles (clamped to 0..180) and others
# as microseconds, writeMicroseconds(us) clamped to min..max, read() the angle
# of the last write, readMicroseconds(), attached(), detach().  A pulse every
# 20 ms (the library's refresh interval) is a machine.PWM at 50 Hz with
# duty_ns set to the pulse (arduino._timerpwm on the stm32 boards), so any
# pin with a PWM can drive a servo and the pulses run on without the CPU.
MIN_PULSE_WIDTH = 544       # us, the shortest pulse (0 degrees)
MAX_PULSE_WIDTH = 2400      # us, the longest pulse (180 degrees)
DEFAULT_PULSE_WIDTH = 1500  # us, where attach() starts
REFRESH_INTERVAL = 20000    # us between pulses: 50 Hz
_count = 0


class Servo:
    def __init__(self):
        global _count
        self._index = _count  # the library numbers its servos from 0
        _count += 1
        self._pwm = None
        self._min = MIN_PULSE_WIDTH
        self._max = MAX_PULSE_WIDTH
        self._us = DEFAULT_PULSE_WIDTH

    def attach(self, pin, min=MIN_PULSE_WIDTH, max=MAX_PULSE_WIDTH):
        """Start the pulses on `pin` (an Arduino pin); returns the servo's number."""
        import arduino  # the package is loaded by now (this module is imported from it)

        self.detach()
        self._min, self._max = int(min), int(max)
        self._pin = pin
        hz = 1000000 // REFRESH_INTERVAL
        self._pwm = arduino._new_pwm(arduino._pin_id(pin), freq=hz, duty_ns=self._us * 1000)
        self._pwm.freq(hz)  # (TimerPWM takes its settings here)
        self._send()
        return self._index

    def _send(self):
        if self._pwm is not None:
            self._pwm.duty_ns(self._us * 1000)

    def write(self, value):
        value = int(value)
        if value < MIN_PULSE_WIDTH:  # an angle
            value = 0 if value < 0 else (180 if value > 180 else value)
            value = self._min + (value * (self._max - self._min)) // 180  # map(value, 0, 180, min, max)
        self.writeMicroseconds(value)

    def writeMicroseconds(self, us):
        us = int(us)
        self._us = self._min if us < self._min else (self._max if us > self._max else us)
        self._send()

    def read(self):
        # the library's map(readMicroseconds() + 1, min, max, 0, 180): the +1 undoes write()'s truncation
        return ((self._us + 1 - self._min) * 180) // (self._max - self._min)

    def readMicroseconds(self):
        return self._us

    def attached(self):
        return self._pwm is not None

    def detach(self):
        """Stop the pulses; the pin is left a low output."""
        if self._pwm is not None:
            self._pwm.deinit()
            self._pwm = None
            import arduino

            arduino.pinMode(self._pin, arduino.OUTPUT)
            arduino.digitalWrite(self._pin, arduino.LOW)
