# arduino: the Arduino language reference as Python functions, with Arduino's
# semantics, over MicroPython's machine and time modules.
#
#     from arduino import *
#
#     def setup():
#         pinMode(LED_BUILTIN, OUTPUT)
#
#     def loop():
#         digitalWrite(LED_BUILTIN, HIGH); delay(1000)
#         digitalWrite(LED_BUILTIN, LOW); delay(1000)
#
#     run()          # setup() once, then loop() forever (start(setup, loop) is the same)
#
# Portable by design: only machine.Pin, machine.time_pulse_us,
# machine.disable_irq/enable_irq, time.ticks_*/sleep_*, sys and random are
# used, so the same file runs on Breadboard and on real MicroPython boards.
# Board facts (the Arduino pin numbering of each board) come from the Arduino
# core variants (pins_arduino.h); the board is recognised from
# sys.implementation._machine, or failing that by which pin names the
# firmware accepts.  Names starting with "_" are internal.
# Part 1: analog I/O, tone, Serial, Wire, SPI, Keyboard and Mouse raise
# NotImplementedError until the board has the bindings they need.
import sys as _sys
import time as _time
import math as _math
import random as _random
import machine as _machine

_Pin = _machine.Pin

# --- constants: the values of ArduinoCore-API (the mbed cores' enums) -------
LOW = 0
HIGH = 1
CHANGE = 2
FALLING = 3
RISING = 4
INPUT = 0
OUTPUT = 1
INPUT_PULLUP = 2
INPUT_PULLDOWN = 3
OUTPUT_OPENDRAIN = 4
LSBFIRST = 0
MSBFIRST = 1
DEC = 10
HEX = 16
OCT = 8
BIN = 2
NOT_AN_INTERRUPT = -1
PI = _math.pi
HALF_PI = _math.pi / 2
TWO_PI = _math.pi * 2
DEG_TO_RAD = _math.pi / 180
RAD_TO_DEG = 180 / _math.pi
EULER = _math.e
true = True
false = False

# --- boards: Arduino pin number -> the port's Pin id ---------------------------
# Each entry: (digital table {number: Pin id}, A0.. numbers, LED_BUILTIN number).
# Pin ids are what the port's machine.Pin accepts: GPIO numbers on rp2 and
# esp32, MCU names ("PA10") on stm32, firmware names where the pad is not an
# MCU GPIO (the Nano RP2040's A6/A7 on the NINA module).


def _nano_rp2040():
    d = {0: 1, 1: 0, 2: 25, 3: 15, 4: 16, 5: 17, 6: 18, 7: 19, 8: 20, 9: 21,
         10: 5, 11: 7, 12: 4, 13: 6, 14: 26, 15: 27, 16: 28, 17: 29, 18: 12, 19: 13,
         20: "A6", 21: "A7"}
    return d, list(range(14, 22)), 13


def _nano_esp32():
    gp = (44, 43, 5, 6, 7, 8, 9, 10, 17, 18, 21, 38, 47, 48, 46, 0, 45, 1, 2, 3, 4, 11, 12, 13, 14)
    return dict(enumerate(gp)), list(range(17, 25)), 13


def _rpi_pico():
    d = {n: n for n in range(29)}
    del d[23], d[24]  # SMPS mode and VBUS sense: not brought out
    return d, [26, 27, 28, 29], 25


def _portenta_h7():
    names = ("PH15", "PK1", "PJ11", "PG7", "PC7", "PC6", "PA8", "PI0", "PC3", "PI1",
             "PC2", "PH8", "PH7", "PA10", "PA9",
             "PA0_C", "PA1_C", "PC2_C", "PC3_C", "PC2", "PC3", "PA4", "PA6",  # A0..A7 = 15..22
             "PK5", "PK6", "PK7")  # LEDR, LEDG (LED_BUILTIN), LEDB = 23..25
    return dict(enumerate(names)), list(range(15, 23)), 24


def _giga_r1():
    names = ("PB7", "PA9", "PA3", "PA2", "PJ8", "PA7", "PD13", "PB4", "PB8", "PB9",
             "PK1", "PJ10", "PJ11", "PH6", "PG14", "PC7", "PH13", "PI9", "PD5", "PD6",
             "PB11", "PH4")
    d = dict(enumerate(names))
    # A0..A7 = 76..83, A12/A13 (the DACs) = 84/85, LEDR/LEDG/LEDB = 86..88;
    # A8..A11 are analog-only pads without a digital number.
    for n, p in zip(range(76, 89), ("PC4", "PC5", "PB0", "PB1", "PC3", "PC2", "PC0", "PA0",
                                    "PA4", "PA5", "PI12", "PJ13", "PE3")):
        d[n] = p
    return d, list(range(76, 84)) + ["PC2_C", "PC3_C", "PA1_C", "PA0_C", 84, 85], 87


_BOARDS = (("Nano RP2040", _nano_rp2040), ("Nano ESP32", _nano_esp32), ("Pico", _rpi_pico),
           ("Portenta H7", _portenta_h7), ("GIGA", _giga_r1), ("Giga", _giga_r1))


def _accepts(name):
    try:
        _Pin(name)
        return True
    except Exception:
        return False


def _detect():
    """-> the board's table maker, or None (then pin numbers pass straight
    to machine.Pin)."""
    m = getattr(_sys.implementation, "_machine", "")
    for key, make in _BOARDS:
        if key in m:
            return make
    # Not named (or an unknown build): recognise the board by the pin names
    # its firmware accepts, which is also what the real ports do.
    p = _sys.platform
    if p == "rp2":
        return _nano_rp2040 if _accepts("D2") else _rpi_pico
    if p == "esp32":
        return _nano_esp32 if _accepts("D13") else None
    if p == "pyboard":
        if _accepts("D13") and _accepts("UART8_TX"):
            return _portenta_h7
        if _accepts("DAC2") and _accepts("LEDG"):
            return _giga_r1
    return None


_make = _detect()
if _make:
    _DIGITAL, _ANALOG, LED_BUILTIN = _make()
else:
    _DIGITAL, _ANALOG, LED_BUILTIN = None, [], "LED"
BOARD = _make.__name__[1:].replace("_", "-") if _make else _sys.platform
NUM_DIGITAL_PINS = len(_DIGITAL) if _DIGITAL else 0
NUM_ANALOG_INPUTS = len(_ANALOG)
for _i in range(len(_ANALOG)):
    globals()["A%d" % _i] = _ANALOG[_i]


def _pin_id(pin):
    """An Arduino pin (13, "D13", "A0", LED_BUILTIN, a firmware name, a
    machine.Pin) -> what machine.Pin accepts."""
    if isinstance(pin, str):
        if len(pin) > 1 and pin[0] in "DA" and pin[1:].isdigit():
            n = int(pin[1:])
            if pin[0] == "A":
                if n < len(_ANALOG):
                    return _pin_id(_ANALOG[n])
            elif _DIGITAL is not None and n in _DIGITAL:
                return _DIGITAL[n]
        if pin == "LED_BUILTIN":
            return _pin_id(LED_BUILTIN)
        return pin  # a firmware name: "LED", "GP5", "PA10"
    if isinstance(pin, bool) or not isinstance(pin, int):
        return pin  # a machine.Pin, or a port-specific id
    if _DIGITAL is None:
        return pin
    try:
        return _DIGITAL[pin]
    except KeyError:
        raise ValueError("no Arduino pin %d on %s" % (pin, BOARD))


# Configured pins by Pin id, and their Arduino mode.
_pins = {}
_modes = {}


def _key(pin):
    pid = _pin_id(pin)
    return pid, (pid if isinstance(pid, (int, str)) else id(pid))


def _get(pin, mode):
    """The machine.Pin for an Arduino pin; configured with `mode` if it has
    not been set up yet (the mbed cores do the same on first use)."""
    pid, k = _key(pin)
    p = _pins.get(k)
    if p is None:
        pinMode(pin, mode)
        p = _pins[k]
    return p


# --- digital I/O -----------------------------------------------------------------
def pinMode(pin, mode):
    pid, k = _key(pin)
    P = _Pin
    if mode == OUTPUT:
        args = (P.OUT,)
    elif mode == INPUT:
        args = (P.IN, None)
    elif mode == INPUT_PULLUP:
        args = (P.IN, P.PULL_UP)
    elif mode == INPUT_PULLDOWN:
        if not hasattr(P, "PULL_DOWN"):
            raise ValueError("INPUT_PULLDOWN: this port's Pin has no PULL_DOWN")
        args = (P.IN, P.PULL_DOWN)
    elif mode == OUTPUT_OPENDRAIN:
        args = (P.OPEN_DRAIN,)
    else:
        raise ValueError("pinMode: unknown mode %r" % (mode,))
    if isinstance(pid, _Pin):
        pid.init(*args)
        p = pid
    else:
        p = _Pin(pid, *args)
    _pins[k] = p
    _modes[k] = mode


def digitalWrite(pin, value):
    _get(pin, OUTPUT).value(1 if value else 0)


def digitalRead(pin):
    return HIGH if _get(pin, INPUT).value() else LOW


# --- time ------------------------------------------------------------------------
# millis() and micros() are Arduino's unsigned long: 32 bits, wrapping at
# 2**32 (millis after 49.7 days, micros after 71.6 minutes).  They count from
# boot on a total kept here, so they go on past the ticks' 2**30 period:
# each reading adds the ticks_us elapsed since the last one, and ticks_ms
# (which wraps far later) tells how many whole ticks_us periods a long gap
# hid.  Correct as long as some reading happens at least every 2**30 ms
# (12.4 days); delay() reads too.
_US_PERIOD = 1 << 30
_US_MASK = _US_PERIOD - 1
_MS_MASK = (1 << 30) - 1
_last_ms = 0
_last_us = 0
_total_us = 0
_ticks_ms = _time.ticks_ms
_ticks_us = _time.ticks_us
_ticks_diff = _time.ticks_diff


def _now_us():
    # Two calls only (a call costs CPU time on the board, and micros() is
    # called in tight loops): the ticks differences are done by masking,
    # the ports' ticks period being 2**30.
    global _last_ms, _last_us, _total_us
    ms = _ticks_ms()
    us = _ticks_us()
    eu = (us - _last_us) & _US_MASK
    em = (ms - _last_ms) & _MS_MASK
    if em > 500000:  # a long gap: ticks_ms tells how many ticks_us periods it hid
        # em * 1000 == eu + k * 2**30 to within a millisecond
        eu += ((em * 1000 - eu + (_US_PERIOD >> 1)) // _US_PERIOD) * _US_PERIOD
    _total_us += eu
    _last_ms = ms
    _last_us = us
    return _total_us


_now_us()  # from boot: ticks start at 0 there


def millis():
    return (_now_us() // 1000) & 0xFFFFFFFF


def micros():
    return _now_us() & 0xFFFFFFFF


def delay(ms):
    ms = int(ms)
    if ms > 0:
        _time.sleep_ms(ms)
    _now_us()


def delayMicroseconds(us):
    if us > 0:
        _time.sleep_us(int(us))


# --- bits and bytes (Arduino's macros; ints are immutable, so the setters return
# the new value: x = bitSet(x, 3)) -------------------------------------------
def bitRead(value, bit):
    return (value >> bit) & 1


def bitSet(value, bit):
    return value | (1 << bit)


def bitClear(value, bit):
    return value & ~(1 << bit)


def bitWrite(value, bit, bitvalue):
    return bitSet(value, bit) if bitvalue else bitClear(value, bit)


def bit(b):
    return 1 << b


def lowByte(w):
    return w & 0xFF


def highByte(w):
    return (w >> 8) & 0xFF


def word(h, l=None):
    if l is None:
        return h & 0xFFFF
    return ((h & 0xFF) << 8) | (l & 0xFF)


# --- math ------------------------------------------------------------------------
_builtin_min = min
_builtin_max = max
_builtin_pow = pow


def constrain(amt, low, high):
    return low if amt < low else (high if amt > high else amt)


def _cdiv(a, b):
    # C integer division: truncation toward zero
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def map(x, in_min, in_max, out_min, out_max):
    """Arduino's long map(): integer arithmetic, the division truncating
    toward zero as in C."""
    x, in_min, in_max, out_min, out_max = int(x), int(in_min), int(in_max), int(out_min), int(out_max)
    return _cdiv((x - in_min) * (out_max - out_min), in_max - in_min) + out_min


def sq(x):
    return x * x


def min(*args, **kw):
    # Arduino's macro for two arguments; Python's min otherwise (min(list))
    if len(args) == 2 and not kw:
        a, b = args
        return a if a < b else b
    return _builtin_min(*args, **kw)


def max(*args, **kw):
    if len(args) == 2 and not kw:
        a, b = args
        return a if a > b else b
    return _builtin_max(*args, **kw)


def abs(x):
    return x if x > 0 else -x


def pow(base, exponent, *mod):
    # C's pow(): a double; three arguments fall back to Python's pow
    if mod:
        return _builtin_pow(base, exponent, *mod)
    return _math.pow(base, exponent)


def sqrt(x):
    return _math.sqrt(x)


def sin(x):
    return _math.sin(x)


def cos(x):
    return _math.cos(x)


def tan(x):
    return _math.tan(x)


def radians(deg):
    return deg * DEG_TO_RAD


def degrees(rad):
    return rad * RAD_TO_DEG


# --- characters: C's <ctype.h> in the "C" locale, as Arduino's is*() use --------
def _c(c):
    if isinstance(c, str):
        if len(c) != 1:
            raise TypeError("expected a character, got a string of length %d" % len(c))
        c = ord(c)
    return c


def isAscii(c):
    return 0 <= _c(c) < 128


def isControl(c):
    c = _c(c)
    return 0 <= c < 32 or c == 127


def isDigit(c):
    return 48 <= _c(c) <= 57


def isUpperCase(c):
    return 65 <= _c(c) <= 90


def isLowerCase(c):
    return 97 <= _c(c) <= 122


def isAlpha(c):
    c = _c(c)
    return 65 <= c <= 90 or 97 <= c <= 122


def isAlphaNumeric(c):
    c = _c(c)
    return 48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122


def isHexadecimalDigit(c):
    c = _c(c)
    return 48 <= c <= 57 or 65 <= c <= 70 or 97 <= c <= 102


def isGraph(c):
    return 33 <= _c(c) <= 126


def isPrintable(c):
    return 32 <= _c(c) <= 126


def isPunct(c):
    c = _c(c)
    return 33 <= c <= 126 and not (48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122)


def isSpace(c):
    # isspace(): space, \t \n \v \f \r
    c = _c(c)
    return c == 32 or 9 <= c <= 13


def isWhitespace(c):
    # Arduino defines it as isblank(): space and tab only
    c = _c(c)
    return c == 32 or c == 9


# --- random numbers (Arduino's random(): a 31-bit draw, % the range) -------------
def randomSeed(seed):
    if seed != 0:  # as Arduino: randomSeed(0) changes nothing
        _random.seed(seed)


def random(a, b=None):
    if b is None:
        lo, howbig = 0, int(a)
    else:
        lo, hi = int(a), int(b)
        if lo >= hi:
            return lo
        howbig = hi - lo
    if howbig == 0:
        return lo
    r = _random.getrandbits(31) % (howbig if howbig > 0 else -howbig)
    return r + lo


# --- advanced I/O ------------------------------------------------------------------
def pulseIn(pin, value, timeout=1000000):
    """Length of a pulse at `value` in microseconds, or 0 if none started and
    ended within `timeout` us (counted from the call, as on Arduino).  A pulse
    already under way when called is skipped, as Arduino does."""
    p = _get(pin, INPUT)
    level = 1 if value else 0
    timeout = int(timeout)
    t0 = _ticks_us()
    if p.value() == level:  # wait for the pulse under way to end
        if _machine.time_pulse_us(p, level, timeout) < 0:
            return 0
    left = timeout - _ticks_diff(_ticks_us(), t0)
    if left <= 0:
        return 0
    r = _machine.time_pulse_us(p, level, left)
    if r < 0 or _ticks_diff(_ticks_us(), t0) > timeout:
        return 0
    return r


pulseInLong = pulseIn


def shiftOut(dataPin, clockPin, bitOrder, value):
    """For each bit: data set, clock high, clock low (Arduino's wiring_shift)."""
    d = _get(dataPin, OUTPUT)
    c = _get(clockPin, OUTPUT)
    for i in range(8):
        if bitOrder == LSBFIRST:
            d.value((value >> i) & 1)
        else:
            d.value((value >> (7 - i)) & 1)
        c.value(1)
        c.value(0)


def shiftIn(dataPin, clockPin, bitOrder):
    """For each bit: clock high, data read, clock low."""
    d = _get(dataPin, INPUT)
    c = _get(clockPin, OUTPUT)
    value = 0
    for i in range(8):
        c.value(1)
        if bitOrder == LSBFIRST:
            value |= d.value() << i
        else:
            value |= d.value() << (7 - i)
        c.value(0)
    return value


# --- interrupts ----------------------------------------------------------------------
def digitalPinToInterrupt(pin):
    # the mbed cores: the interrupt number is the pin number
    try:
        _pin_id(pin)
    except ValueError:
        return NOT_AN_INTERRUPT
    return pin


def _trigger(mode):
    P = _Pin
    if mode == RISING:
        return P.IRQ_RISING
    if mode == FALLING:
        return P.IRQ_FALLING
    if mode == CHANGE:
        return P.IRQ_RISING | P.IRQ_FALLING
    if mode == LOW or mode == HIGH:
        name = "IRQ_LOW_LEVEL" if mode == LOW else "IRQ_HIGH_LEVEL"
        t = getattr(P, name, None)
        if t is None:
            raise ValueError("%s interrupts: this port's Pin has no %s" % ("LOW" if mode == LOW else "HIGH", name))
        return t
    raise ValueError("attachInterrupt: unknown mode %r" % (mode,))


def attachInterrupt(interrupt, isr, mode):
    """Run isr() (no arguments, as on Arduino) on the pin's edges.  It runs as
    a soft IRQ (micropython.schedule), so it may allocate and print."""
    if interrupt == NOT_AN_INTERRUPT:
        raise ValueError("attachInterrupt: NOT_AN_INTERRUPT")
    trig = _trigger(mode)
    p = _get(interrupt, INPUT)
    p.irq(lambda _p: isr(), trig)


def detachInterrupt(interrupt):
    pid, k = _key(interrupt)
    p = _pins.get(k)
    if p is not None:
        p.irq(None)


_irq_state = None


def noInterrupts():
    global _irq_state
    if _irq_state is None:
        _irq_state = _machine.disable_irq()


def interrupts():
    global _irq_state
    if _irq_state is not None:
        s = _irq_state
        _irq_state = None
        _machine.enable_irq(s)


# --- the sketch runner -------------------------------------------------------------------
def start(setup, loop):
    """Arduino's main(): setup() once, then loop() forever."""
    if setup is not None:
        setup()
    while True:
        loop()


def run(namespace=None):
    """Run the calling script as a sketch: its setup() and loop() (looked up
    in __main__, or in `namespace`, e.g. globals())."""
    if namespace is None:
        import __main__  # a builtin module on MicroPython (not in sys.modules there)

        namespace = __main__.__dict__
    loop = namespace.get("loop")
    if loop is None:
        raise NameError("arduino.run(): the sketch defines no loop()")
    start(namespace.get("setup"), loop)


# --- not yet: these need board bindings Breadboard does not have yet -------------------------
def _pending(what, needs):
    return "arduino.%s is not implemented yet: it needs %s" % (what, needs)


def analogRead(pin):
    raise NotImplementedError(_pending("analogRead", "the ADC binding (machine.ADC)"))


def analogReadResolution(bits):
    raise NotImplementedError(_pending("analogReadResolution", "the ADC binding (machine.ADC)"))


def analogReference(mode):
    raise NotImplementedError(_pending("analogReference", "the ADC binding (machine.ADC)"))


def analogWrite(pin, value):
    raise NotImplementedError(_pending("analogWrite", "the PWM binding (machine.PWM)"))


def analogWriteResolution(bits):
    raise NotImplementedError(_pending("analogWriteResolution", "the PWM binding (machine.PWM)"))


def tone(pin, frequency, duration=0):
    raise NotImplementedError(_pending("tone", "the PWM binding (machine.PWM)"))


def noTone(pin):
    raise NotImplementedError(_pending("noTone", "the PWM binding (machine.PWM)"))


class _Pending:
    def __init__(self, name, needs):
        self._name = name
        self._needs = needs

    def __getattr__(self, attr):
        raise NotImplementedError(_pending(self._name + "." + attr, self._needs))

    def __bool__(self):
        raise NotImplementedError(_pending(self._name, self._needs))

    def __call__(self, *args, **kw):
        raise NotImplementedError(_pending(self._name, self._needs))

    def __repr__(self):
        return "<arduino.%s: not implemented yet>" % self._name


Serial = _Pending("Serial", "the UART binding (machine.UART)")
Serial1 = _Pending("Serial1", "the UART binding (machine.UART)")
Serial2 = _Pending("Serial2", "the UART binding (machine.UART)")
Wire = _Pending("Wire", "the I2C binding (machine.I2C)")
Wire1 = _Pending("Wire1", "the I2C binding (machine.I2C)")
SPI = _Pending("SPI", "the SPI binding (machine.SPI)")
SPISettings = _Pending("SPISettings", "the SPI binding (machine.SPI)")
Keyboard = _Pending("Keyboard", "USB HID on the virtual board")
Mouse = _Pending("Mouse", "USB HID on the virtual board")
