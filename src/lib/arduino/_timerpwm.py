# arduino._timerpwm: PWM on the stm32 port (GIGA R1, Portenta H7), which has
# no machine.PWM.  The port does PWM with a pyb.Timer channel, as the
# MicroPython reference shows for analogWrite on STM32:
#
#     Timer(3, freq=1000).channel(1, Timer.PWM, pin=Pin("PC6"), pulse_width=0)
#
# TimerPWM gives that the machine.PWM methods the arduino module uses
# (freq, duty_u16, duty_ns, deinit), so analogWrite, tone and Servo work the
# same on every port.  Each Arduino PWM pin needs its timer and channel:
# _CHANNELS lists them for the header pins of both boards, from the
# STM32H747 alternate-function table (DS12930), one choice per pin where the
# chip offers several (spreading the pins over as many timers as it can).
# Pins on one timer share its frequency, as on the chip: a tone() on D8
# retunes an analogWrite() on D9 (TIM4), as it would on the real board.
import pyb as _pyb

# MCU pin -> (timer, channel)
_CHANNELS = {
    # GIGA R1: D2..D13, the PWM pins of its pinout
    "PA3": (5, 4),    # D2  (TIM2_CH4, TIM5_CH4, TIM15_CH2)
    "PA2": (2, 3),    # D3  (TIM2_CH3, TIM5_CH3, TIM15_CH1)
    "PJ8": (8, 1),    # D4
    "PA7": (14, 1),   # D5  (TIM3_CH2, TIM14_CH1)
    "PD13": (4, 2),   # D6
    "PB4": (3, 1),    # D7
    "PB8": (4, 3),    # D8
    "PB9": (4, 4),    # D9
    "PK1": (8, 3),    # D10 (TIM1_CH1, TIM8_CH3); Portenta D1 too (its D6 has TIM1_CH1)
    "PJ10": (8, 2),   # D11
    "PJ11": (1, 2),   # D12; Portenta D2
    "PH6": (12, 1),   # D13
    # Portenta H7: D4..D6 (D0 is an inverted TIM8 output, D3 an HRTIM one: not here)
    "PC7": (3, 2),    # D4
    "PC6": (3, 1),    # D5 (the reference's example pin)
    "PA8": (1, 1),    # D6
}


def _name(pin):
    """An MCU pin name ("PA3") from a name or a machine.Pin (whose name() is "A3")."""
    if not isinstance(pin, str):
        pin = pin.name()
    return pin if pin.startswith("P") else "P" + pin


class TimerPWM:
    """One pin's PWM on its timer channel, with machine.PWM's methods."""

    def __init__(self, pin):
        self._pin = _name(pin)
        try:
            self._tn, self._cn = _CHANNELS[self._pin]
        except KeyError:
            raise ValueError("no PWM on pin %s: it has no timer channel in arduino's table" % self._pin)
        self._tim = _pyb.Timer(self._tn)
        self._f = 0
        self._u16 = 0
        self._ns = None  # the duty as a pulse length, when duty_ns set it
        self._ch = None

    def _ticks(self):
        # the channel's counts for the present duty, in timer ticks
        period = self._tim.period() + 1
        if self._ns is not None:
            hz = self._tim.source_freq() // (self._tim.prescaler() + 1)
            return min(period, self._ns * hz // 1000000000)
        return self._u16 * period // 65535

    def _apply(self):
        if not self._f:
            return
        if self._ch is None:
            self._ch = self._tim.channel(self._cn, _pyb.Timer.PWM, pin=_pyb.Pin(self._pin), pulse_width=self._ticks())
        else:
            self._ch.pulse_width(self._ticks())

    def freq(self, f=None):
        if f is None:
            return self._f
        f = int(f)
        if f != self._f:  # re-initialising the timer restarts its period: only on a change
            self._tim.init(freq=f)
            self._f = f
            self._ch = None  # set the channel up again on the new period
        self._apply()

    def duty_u16(self, d=None):
        if d is None:
            return self._u16
        self._u16 = int(d)
        self._ns = None
        self._apply()

    def duty_ns(self, ns=None):
        if ns is None:
            return self._ns
        self._ns = int(ns)
        self._apply()

    def deinit(self):
        # the other channels of the timer go on: only this pin stops, left a low output
        if self._ch is not None:
            self._ch.pulse_width(0)
            self._ch = None
        _pyb.Pin(self._pin, _pyb.Pin.OUT_PP).low()
        self._f = 0

