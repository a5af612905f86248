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
# Portable by design: only machine.Pin, ADC, PWM, Timer, UART, I2C, SPI,
# machine.time_pulse_us, machine.disable_irq/enable_irq, micropython.schedule, time.ticks_*/sleep_*,
# sys, select and random are used (their documented APIs), so the same file runs on Breadboard and on real MicroPython boards.
# Board facts (the Arduino pin numbering of each board) come from the Arduino
# core variants (pins_arduino.h); the board is recognised from
# sys.implementation._machine, or failing that by which pin names the
# firmware accepts.  Names starting with "_" are internal.
# Analog I/O, tone, Serial/Serial1, Wire and SPI use machine.ADC, PWM, Timer,
# UART, I2C and SPI (documented APIs only; on the stm32 port, which has no
# machine.PWM, PWM is a pyb.Timer channel: _timerpwm.py); Servo is servo.py,
# pitches.h's NOTE_* constants pitches.py.  Keyboard and Mouse are hid.py,
# over micropython-lib's usb.device (machine.USBDevice on the real ports).
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
    _stop_pwm(k)  # a PWM (analogWrite, tone) on the pin ends, as on the mbed cores
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
    raise ValueError("attachInterrupt: unknown mode %r" % (mode,))


# Level interrupts (LOW, HIGH).  Arduino: LOW triggers "whenever the pin is
# low", so the ISR runs again and again while the level holds.  No port
# gives the module a level trigger it can use: rp2 exports no
# IRQ_LOW_LEVEL/IRQ_HIGH_LEVEL (its raw event bits 1/2 exist, but the chip
# cannot clear a level event while the level holds, so it re-enters back to
# back and the program stops: docs/board.md), esp32 and stm32 have none.
# So they are emulated the same way on every port: the edge into the level
# (FALLING for LOW, RISING for HIGH) runs isr() at once, and one periodic
# machine.Timer runs it again every LEVEL_REPEAT_MS while the pin is still
# at the level (attaching while the pin is at the level counts as entering
# it).  The timer stops when no level pin is at its level.
LEVEL_REPEAT_MS = 1
_levels = {}  # key -> (machine.Pin, level, isr)
_level_timer = None


def _level_tick(_t=None):
    global _level_timer
    held = False
    for p, level, isr in list(_levels.values()):
        if p.value() == level:
            held = True
            if _irq_state is None:  # noInterrupts() holds the repeats back too
                isr()
    if not held and _level_timer is not None:
        _level_timer.deinit()
        _level_timer = None


def _level_arm():
    global _level_timer
    if _level_timer is None:
        # esp32 has hardware timers 0..3 only (tone() takes 0); the others a virtual -1
        _level_timer = _machine.Timer(1 if _sys.platform == "esp32" else -1)
        _level_timer.init(mode=_machine.Timer.PERIODIC, period=int(LEVEL_REPEAT_MS), callback=_level_tick)


def _level_drop(k):
    global _level_timer
    if _levels.pop(k, None) is not None and not _levels and _level_timer is not None:
        _level_timer.deinit()
        _level_timer = None


def attachInterrupt(interrupt, isr, mode):
    """Run isr() (no arguments, as on Arduino) on the pin's edges (RISING,
    FALLING, CHANGE), or repeatedly while it is at a level (LOW, HIGH: see
    above).  It runs as a soft IRQ (micropython.schedule), so it may
    allocate and print."""
    if interrupt == NOT_AN_INTERRUPT:
        raise ValueError("attachInterrupt: NOT_AN_INTERRUPT")
    if mode != LOW and mode != HIGH:
        trig = _trigger(mode)
        p = _get(interrupt, INPUT)
        _level_drop(_key(interrupt)[1])
        p.irq(lambda _p: isr(), trig)
        return
    p = _get(interrupt, INPUT)
    k = _key(interrupt)[1]
    level = 1 if mode == HIGH else 0
    _levels[k] = (p, level, isr)

    def enter(_p):
        _level_arm()  # first, so the repeats count from the entry
        isr()

    p.irq(enter, _Pin.IRQ_RISING if level else _Pin.IRQ_FALLING)
    if p.value() == level:  # already at the level: it fires now, as an interrupt
        try:
            import micropython

            micropython.schedule(enter, p)
        except (ImportError, RuntimeError):
            enter(p)


def detachInterrupt(interrupt):
    pid, k = _key(interrupt)
    _level_drop(k)
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




# --- analog I/O ---------------------------------------------------------------------------
# analogRead: machine.ADC's read_u16() (every port scales its converter to 16
# bits) shifted to the resolution asked: by default 10 bits, as the Arduino
# reference gives it (analogReadResolution: "defaults to 10 bits ... for
# backward compatibility"), except on the Nano ESP32, whose core reads 12
# bits (0..4095) by default (Arduino's Nano ESP32 cheat sheet).
# analogWrite: a PWM at the frequency each board's Arduino core gives
# analogWrite: 500 Hz on the mbed cores (Nano RP2040 Connect, Portenta,
# GIGA: a 2 ms PwmOut period; the analogWrite reference lists 500 Hz for the
# GIGA R1), 1000 Hz on the ESP32 core (its LEDC analogWrite default, 8 bits);
# duty_u16 = value * 65535 // (2**bits - 1) (8 bits by default).
# ANALOG_WRITE_FREQ can be changed before the first analogWrite on a pin.
AR_DEFAULT = DEFAULT = 0
AR_INTERNAL = INTERNAL = 1
AR_EXTERNAL = EXTERNAL = 2
ANALOG_WRITE_FREQ = 1000 if _sys.platform == "esp32" else 500
_read_bits = 12 if _sys.platform == "esp32" else 10
_write_bits = 8
_adcs = {}
_pwms = {}


def _stop_pwm(k):
    p = _pwms.pop(k, None)
    if p is not None:
        p.deinit()
    _end_tone(k)


def analogRead(pin):
    pid, k = _key(pin)
    a = _adcs.get(k)
    if a is None:
        pin_obj = pid if isinstance(pid, _Pin) else _Pin(pid)
        if _sys.platform == "esp32":
            # the Arduino ESP32 core's default: 11 dB, a 0..3.3 V range (MicroPython's is 0 dB)
            a = _machine.ADC(pin_obj, atten=_machine.ADC.ATTN_11DB)
        else:
            a = _machine.ADC(pin_obj)
        _adcs[k] = a
    v = a.read_u16()
    return v >> (16 - _read_bits) if _read_bits <= 16 else v << (_read_bits - 16)


def analogReadResolution(bits):
    global _read_bits
    bits = int(bits)
    if not 1 <= bits <= 32:
        raise ValueError("analogReadResolution: 1..32 bits")
    _read_bits = bits


def analogReference(mode):
    """Only DEFAULT (the board's supply reference) exists on these boards' cores."""
    if mode != DEFAULT:
        raise ValueError("analogReference: only DEFAULT on %s" % BOARD)


def _new_pwm(pid, **kw):
    """A PWM on a Pin id: machine.PWM, or on the stm32 port (which has none) a
    pyb.Timer channel with the same methods (arduino._timerpwm).  `kw` (freq,
    duty_u16 or duty_ns) go to the constructor, so the first period is already
    the one asked for (a new channel would otherwise run one period at the
    port's default, esp32's 5 kHz, or at the slice's old settings on rp2)."""
    if hasattr(_machine, "PWM"):
        return _machine.PWM(pid if isinstance(pid, _Pin) else _Pin(pid), **kw)
    if _sys.platform == "pyboard":
        from ._timerpwm import TimerPWM

        return TimerPWM(pid)
    raise NotImplementedError("analogWrite/tone/Servo: this port (%s) has no machine.PWM" % _sys.platform)


def _pwm(pin, freq, duty):
    pid, k = _key(pin)
    p = _pwms.get(k)
    if p is None:
        p = _new_pwm(pid, freq=int(freq), duty_u16=duty)
        _pins.pop(k, None)  # digitalWrite/pinMode set the pin up again afterwards
        _pwms[k] = p
    p.freq(int(freq))
    p.duty_u16(duty)
    return p


def analogWrite(pin, value):
    top = (1 << _write_bits) - 1
    value = constrain(int(value), 0, top)
    _pwm(pin, ANALOG_WRITE_FREQ, value * 65535 // top)


def analogWriteResolution(bits):
    global _write_bits
    bits = int(bits)
    if not 1 <= bits <= 16:
        raise ValueError("analogWriteResolution: 1..16 bits")
    _write_bits = bits


# tone: a 50% PWM at `frequency`; with a duration, a one-shot machine.Timer
# (a soft IRQ) calls noTone() when it has passed, so tone() returns at once.
# As the tone() reference says: one tone at a time -- while a tone plays on
# one pin, tone() on another pin does nothing; on the same pin it changes
# the frequency.  Frequency 0 (the rests of the tone examples) is silence.
_tone_timers = {}
_tone_key = None  # the pin playing a tone


def _end_tone(k):
    global _tone_key
    t = _tone_timers.pop(k, None)
    if t is not None:
        t.deinit()
    if _tone_key == k:
        _tone_key = None


def _timer():
    # esp32 has hardware timers 0..3 only; the others take virtual timer -1
    return _machine.Timer(0 if _sys.platform == "esp32" else -1)


def tone(pin, frequency, duration=0):
    global _tone_key
    pid, k = _key(pin)
    if _tone_key is not None and _tone_key != k:
        return  # another pin is playing
    frequency = int(frequency)
    if frequency <= 0:
        noTone(pin)
        return
    _end_tone(k)
    _pwm(pin, frequency, 32768)
    _tone_key = k
    if duration and duration > 0:
        t = _timer()
        t.init(mode=_machine.Timer.ONE_SHOT, period=int(duration), callback=lambda _t: noTone(pin))
        _tone_timers[k] = t


def noTone(pin):
    """Stops the tone and leaves the pin a low output (as Arduino)."""
    pid, k = _key(pin)
    _end_tone(k)
    if k in _pwms:
        pinMode(pin, OUTPUT)
        _pins[k].value(0)


# --- Print and Stream: Arduino's formatting and parsing rules -----------------------------
def _fmt_float(x, digits):
    # Print::printFloat: nan/inf/ovf, round half up at `digits`, then digits one by one
    if x != x:
        return "nan"
    if x in (float("inf"), float("-inf")):
        return "inf"
    if x > 4294967040.0 or x < -4294967040.0:
        return "ovf"
    s = ""
    if x < 0.0:
        s = "-"
        x = -x
    x += 0.5 / (10 ** digits)
    ip = int(x)
    s += str(ip)
    rem = x - ip
    if digits > 0:
        s += "."
        for _ in range(digits):
            rem *= 10.0
            d = int(rem)
            s += str(d)
            rem -= d
    return s


_DIGITS = "0123456789ABCDEF"

# Stream's LookaheadMode (parseInt/parseFloat) and its "no ignore char" default
SKIP_ALL = 0
SKIP_NONE = 1
SKIP_WHITESPACE = 2
NO_IGNORE_CHAR = "\x01"


def _ignore(c):
    if c is None:
        return -1
    return ord(c) if isinstance(c, str) else int(c)


def _fmt(val, fmt=None):
    if isinstance(val, bool):
        val = int(val)
    if isinstance(val, float):
        return _fmt_float(val, 2 if fmt is None else int(fmt))
    if isinstance(val, int):
        base = DEC if fmt is None else int(fmt)
        if base == 10:
            return str(val)
        if base < 2:
            base = 10
        if val < 0:
            val &= 0xFFFFFFFF  # Arduino prints other bases as unsigned long
        if val == 0:
            return "0"
        s = ""
        while val:
            s = _DIGITS[val % base] + s
            val //= base
        return s
    if isinstance(val, (bytes, bytearray)):
        return val.decode()
    return str(val)


class Stream:
    """Arduino's Print + Stream over three primitives: _out(bytes),
    _ready() (bytes that can be read without waiting) and _get1() (one byte
    or -1)."""

    def __init__(self):
        self._timeout = 1000
        self._peek = -1

    # Print
    def write(self, val, n=None):
        if isinstance(val, int):
            b = bytes((val & 0xFF,))
        elif isinstance(val, str):
            b = val.encode()
        else:
            b = bytes(val if n is None else val[:n])
        self._out(b)
        return len(b)

    def print(self, val="", fmt=None):
        return self.write(_fmt(val, fmt))

    def println(self, val="", fmt=None):
        return self.write(_fmt(val, fmt) + "\r\n")

    def flush(self):
        pass

    def availableForWrite(self):
        return 0

    def setTimeout(self, ms):
        self._timeout = int(ms)

    def getTimeout(self):
        return self._timeout

    # Stream
    def available(self):
        return self._ready() + (self._peek >= 0)

    def read(self):
        if self._peek >= 0:
            c, self._peek = self._peek, -1
            return c
        return self._get1() if self._ready() else -1

    def peek(self):
        if self._peek < 0 and self._ready():
            self._peek = self._get1()
        return self._peek

    def _timed(self, peek=False):
        # timedRead/timedPeek: wait up to the timeout for a byte
        t0 = _ticks_ms()
        while True:
            c = self.peek() if peek else self.read()
            if c >= 0 or _ticks_diff(_ticks_ms(), t0) >= self._timeout:
                return c
            _time.sleep_ms(1)

    def readBytes(self, buf, n=None):
        """readBytes(buffer, length) -> the count read into buffer, as Arduino;
        readBytes(length) -> the bytes.  Each byte waits up to the timeout."""
        if n is None:
            return self._read_until(-1, int(buf))
        r = self._read_until(-1, int(n))
        buf[:len(r)] = r
        return len(r)

    def readBytesUntil(self, term, buf, n=None):
        """readBytesUntil(character, buffer, length) -> the count (the
        terminator is taken from the stream, not stored); readBytesUntil(
        character, length) -> the bytes."""
        term = ord(term) if isinstance(term, str) else term
        if n is None:
            return self._read_until(term, int(buf))
        r = self._read_until(term, int(n))
        buf[:len(r)] = r
        return len(r)

    def _read_until(self, term, n):
        r = bytearray()
        while len(r) < n:
            c = self._timed()
            if c < 0 or c == term:
                break
            r.append(c)
        return bytes(r)

    def readString(self):
        r = bytearray()
        while True:
            c = self._timed()
            if c < 0:
                return r.decode()
            r.append(c)

    def readStringUntil(self, term):
        term = ord(term) if isinstance(term, str) else term
        r = bytearray()
        while True:
            c = self._timed()
            if c < 0 or c == term:
                return r.decode()
            r.append(c)

    def _next_number(self, lookahead, decimal):
        # peekNextDigit: the first byte of a number ('-', a digit, '.' for
        # parseFloat), or -1 on timeout or on a byte the lookahead mode does
        # not skip.  The modes as the parseInt()/parseFloat() references give
        # them: SKIP_ALL skips anything else, SKIP_WHITESPACE only space, tab,
        # CR and LF, SKIP_NONE nothing (the byte stays in the stream).
        while True:
            c = self._timed(True)
            if c < 0 or c == 45 or 48 <= c <= 57 or (decimal and c == 46):
                return c
            if lookahead == SKIP_NONE or (lookahead == SKIP_WHITESPACE and c not in (32, 9, 13, 10)):
                return -1
            self.read()

    def parseInt(self, lookahead=None, ignore=None):
        """The next integer, 0 on timeout.  It ends at the first byte that is
        not a digit (a '-' counts only in front); `ignore` (a thousands
        separator, say) is skipped inside the number."""
        lookahead = SKIP_ALL if lookahead is None else lookahead
        ig = _ignore(ignore)
        c = self._next_number(lookahead, False)
        if c < 0:
            return 0
        neg, v = False, 0
        while True:
            if c == 45:
                neg = True
            elif 48 <= c <= 57:
                v = v * 10 + c - 48
            self.read()
            c = self._timed(True)
            if not (48 <= c <= 57 or (c == ig and c >= 0)):
                break
        return -v if neg else v

    def parseFloat(self, lookahead=None, ignore=None):
        """The next floating point number, 0.0 on timeout; it ends at the first
        byte that cannot continue it (a second '.', a '-' after the start)."""
        lookahead = SKIP_ALL if lookahead is None else lookahead
        ig = _ignore(ignore)
        c = self._next_number(lookahead, True)
        if c < 0:
            return 0.0
        # digits gathered as an integer and divided once at the end (Arduino
        # multiplies by 0.1 per decimal, which is inexact in a double)
        neg, frac, v, k = False, False, 0, 0
        while True:
            if c == 45:
                neg = True
            elif c == 46:
                frac = True
            elif 48 <= c <= 57:
                v = v * 10 + c - 48
                if frac:
                    k += 1
            self.read()
            c = self._timed(True)
            if not (48 <= c <= 57 or (c == 46 and not frac) or (c == ig and c >= 0)):
                break
        f = v / (10 ** k)
        return -f if neg else f

    def find(self, target):
        t = target.encode() if isinstance(target, str) else bytes(target)
        i = 0
        while i < len(t):
            c = self._timed()
            if c < 0:
                return False
            i = i + 1 if c == t[i] else (1 if c == t[0] else 0)
        return True

    def __bool__(self):
        return True


class _Console(Stream):
    """Serial: the USB serial port, which is MicroPython's console (sys.stdout,
    sys.stdin).  Input is polled with select.poll (non-blocking) where the
    port has it; without select, available() says 0 and reads time out.
    begin(baud) has nothing to set (USB CDC has no baud rate)."""

    def __init__(self):
        Stream.__init__(self)
        self._poll = None
        self._eof = False
        self._pend = bytearray()  # bytes read ahead: what available() counts
        try:
            import select

            self._poll = select.poll()
            self._poll.register(_sys.stdin, select.POLLIN)
        except Exception:
            self._poll = None

    def begin(self, baud=9600, config=None):
        pass

    def end(self):
        pass

    def _out(self, b):
        buf = getattr(_sys.stdout, "buffer", None)
        if buf is not None:
            buf.write(b)
        else:
            _sys.stdout.write(b.decode())

    def flush(self):
        f = getattr(_sys.stdout, "flush", None)
        if f is not None:
            f()

    def _ready(self):
        # Every byte the poll says is there is read ahead (up to the 64 bytes
        # of Arduino's serial receive buffer), so available() counts them all
        # and the end of input counts 0.
        while len(self._pend) < 64 and not self._eof and self._poll is not None and self._poll.poll(0):
            src = getattr(_sys.stdin, "buffer", _sys.stdin)
            c = src.read(1)
            if not c:
                self._eof = True
            else:
                self._pend.append(c[0] if isinstance(c, (bytes, bytearray)) else ord(c))
        return len(self._pend)

    def _get1(self):
        if not self._pend:
            return -1
        c = self._pend[0]
        self._pend = self._pend[1:]
        return c


# --- the buses of each board ---------------------------------------------------------------
# Each Arduino bus object as the board's Arduino core wires it: (the port's
# machine id, pins where the port's own default differs -- esp32 routes any
# bus to any pin, so its pins are given).  Sources: the Serial, Wire and SPI
# pages of the Arduino reference (their per-board tables), the Nano ESP32
# cheat sheet, and the boards' pin tables:
#   nano-rp2040: Serial1 D0/D1 = UART0, Wire A4/A5 = I2C0, SPI D11..D13 = SPI0.
#   nano-esp32: Serial0 D0 RX / D1 TX (GPIO44/43); Serial1 has no fixed pins in
#     the ESP32 core (begin(baud, config, rxPin, txPin)): here D0/D1 until
#     begin names others, so Nano sketches using Serial1 run unchanged; Wire A4
#     SDA (GPIO11) / A5 SCL (GPIO12); SPI D11 COPI (GPIO38), D12 CIPO (GPIO47),
#     D13 SCK (GPIO48).
#   giga-r1: Serial1 D0/D1 = UART1; Wire D20 SDA / D21 SCL = I2C2, Wire1
#     SDA1/SCL1 = I2C4, Wire2 D9 SDA2 / D8 SCL2 = I2C1; SPI the 6-pin SPI
#     header = SPI1, SPI1 D10..D13 = SPI5.
#   portenta-h7: Serial1 D13 RX / D14 TX = UART1, Wire D11 SDA / D12 SCL = I2C3,
#     SPI D8..D10 = SPI2.
# Other boards: Serial1 UART0 on rp2 (else 1), Wire I2C0, Wire1 I2C1, SPI SPI0
# (SPI1 on esp32, which has no SPI0).
_ESP_D01 = {"tx": 43, "rx": 44}
_BUSES = {
    "nano-esp32": {"Serial0": (0, _ESP_D01), "Serial1": (1, _ESP_D01), "Wire": (0, {"scl": 12, "sda": 11}),
                   "SPI": (1, {"sck": 48, "mosi": 38, "miso": 47})},
    "giga-r1": {"Serial1": (1, None), "Wire": (2, None), "Wire1": (4, None), "Wire2": (1, None),
                "SPI": (1, None), "SPI1": (5, None)},
    "portenta-h7": {"Serial1": (1, None), "Wire": (3, None), "Wire1": (1, None), "SPI": (2, None)},
}
_BUS_DEFAULT = {"Serial1": (0 if _sys.platform == "rp2" else 1, None), "Wire": (0, None), "Wire1": (1, None),
                "SPI": (1 if _sys.platform == "esp32" else 0, None)}


def _bus_of(name):
    """(machine id, {keyword: machine.Pin}) of an Arduino bus object on this board."""
    bid, pins = _BUSES.get(BOARD, {}).get(name) or _BUS_DEFAULT[name]
    return bid, dict((k, _Pin(v)) for k, v in (pins or {}).items())


class HardwareSerial(Stream):
    """Serial1..: a machine.UART with the Stream API."""

    def __init__(self, uart_id, pins=None):
        Stream.__init__(self)
        self._id = uart_id
        self._pinkw = pins or {}
        self._u = None

    def begin(self, baud=9600, config=None, rxPin=-1, txPin=-1):
        """begin(baud[, config[, rxPin, txPin]]): the pins as the ESP32 core takes
        them (any port whose UART can be routed accepts them)."""
        if rxPin is not None and rxPin != -1:
            self._pinkw = dict(self._pinkw, rx=_Pin(_pin_id(rxPin)))
        if txPin is not None and txPin != -1:
            self._pinkw = dict(self._pinkw, tx=_Pin(_pin_id(txPin)))
        self._u = _machine.UART(self._id, baudrate=int(baud), **self._pinkw)

    def end(self):
        if self._u is not None:
            self._u.deinit()
            self._u = None

    def _uart(self):
        if self._u is None:
            self.begin()
        return self._u

    def _out(self, b):
        self._uart().write(b)

    def flush(self):
        u = self._uart()
        if hasattr(u, "flush"):
            u.flush()

    def _ready(self):
        return self._uart().any()

    def _get1(self):
        b = self._uart().read(1)
        return b[0] if b else -1


Serial = _Console()
Serial1 = HardwareSerial(*_bus_of("Serial1"))
if BOARD == "nano-esp32":
    Serial0 = HardwareSerial(*_bus_of("Serial0"))


# --- Wire: I2C controller over machine.I2C ------------------------------------------------
class TwoWire:
    """endTransmission() codes as the Wire reference lists them: 0 success,
    1 data too long to fit in the transmit buffer (more than BUFFER_LENGTH
    bytes written: nothing is sent), 2 NACK on the address, 3 NACK on data,
    4 other error, 5 timeout.  A port that reports every failure as EIO
    (rp2) is told apart by probing the address with an empty write, as
    scan() does."""
    BUFFER_LENGTH = 256

    def __init__(self, bus_id, pins=None):
        self._id = bus_id
        self._pinkw = pins or {}
        self._over = False
        self._i2c = None
        self._freq = 100000
        self._addr = None
        self._tx = bytearray()
        self._rx = b""
        self._rxi = 0

    def begin(self, address=None):
        self._i2c = _machine.I2C(self._id, freq=self._freq, **self._pinkw)

    def end(self):
        self._i2c = None

    def setClock(self, freq):
        self._freq = int(freq)
        self._i2c = _machine.I2C(self._id, freq=self._freq, **self._pinkw)

    def _bus(self):
        if self._i2c is None:
            self.begin()
        return self._i2c

    def beginTransmission(self, address):
        self._addr = int(address)
        self._tx = bytearray()
        self._over = False

    def write(self, val, n=None):
        if isinstance(val, int):
            b = bytes((val & 0xFF,))
        elif isinstance(val, str):
            b = val.encode()
        else:
            b = bytes(val if n is None else val[:n])
        if len(self._tx) + len(b) > self.BUFFER_LENGTH:
            b = b[:self.BUFFER_LENGTH - len(self._tx)]
            self._over = True  # write() returns what fitted; endTransmission() says 1
        self._tx.extend(b)
        return len(b)

    def _probe(self, addr):
        try:
            self._bus().writeto(addr, b"")
            return True
        except OSError:
            return False

    def endTransmission(self, stop=True):
        addr, data = self._addr, bytes(self._tx)
        self._tx = bytearray()
        if addr is None:
            return 4
        if self._over:
            self._over = False
            return 1
        try:
            n = self._bus().writeto(addr, data, bool(stop))
        except OSError as e:
            err = e.args[0] if e.args else 0
            if err == 19:  # ENODEV: the address was NACKed
                return 2
            if err in (110, 116):  # ETIMEDOUT
                return 5
            if err == 5:  # EIO: which byte failed is not said
                return 3 if data and self._probe(addr) else 2
            return 4
        if n is not None and n < len(data):
            return 2 if n == 0 and not self._probe(addr) else 3
        return 0

    def requestFrom(self, address, quantity, stop=True):
        quantity = _builtin_min(int(quantity), self.BUFFER_LENGTH)
        try:
            self._rx = self._bus().readfrom(int(address), quantity, bool(stop))
        except OSError:
            self._rx = b""
        self._rxi = 0
        return len(self._rx)

    def available(self):
        return len(self._rx) - self._rxi

    def read(self):
        if self._rxi >= len(self._rx):
            return -1
        c = self._rx[self._rxi]
        self._rxi += 1
        return c

    def peek(self):
        return self._rx[self._rxi] if self._rxi < len(self._rx) else -1

    def flush(self):
        pass

    def __bool__(self):
        return True


Wire = TwoWire(*_bus_of("Wire"))
Wire1 = TwoWire(*_bus_of("Wire1"))
if BOARD == "giga-r1":
    Wire2 = TwoWire(*_bus_of("Wire2"))


# --- SPI: controller over machine.SPI -----------------------------------------------------
SPI_MODE0 = 0
SPI_MODE1 = 1
SPI_MODE2 = 2
SPI_MODE3 = 3


class SPISettings:
    def __init__(self, clock=4000000, bitOrder=MSBFIRST, dataMode=SPI_MODE0):
        self.clock = int(clock)
        self.bitOrder = bitOrder
        self.dataMode = dataMode


def _rev8(b):
    r = 0
    for _ in range(8):
        r = (r << 1) | (b & 1)
        b >>= 1
    return r


class SPIClass:
    """transfer() sends and receives at once (write_readinto).  The bus always
    runs MSB first (rp2's hardware SPI takes nothing else); LSBFIRST is done
    by reversing the bits of each byte, so it works on every port."""

    def __init__(self, bus_id, pins=None):
        self._id = bus_id
        self._pinkw = pins or {}
        self._spi = None
        self._lsb = False

    def begin(self):
        if self._spi is None:
            self._spi = _machine.SPI(self._id, **self._pinkw)

    def end(self):
        if self._spi is not None:
            self._spi.deinit()
            self._spi = None

    def beginTransaction(self, settings):
        self.begin()
        m = settings.dataMode
        self._spi.init(baudrate=settings.clock, polarity=(m >> 1) & 1, phase=m & 1, **self._pinkw)
        self._lsb = settings.bitOrder == LSBFIRST

    def endTransaction(self):
        pass

    def _xfer(self, data):
        self.begin()
        if self._lsb:
            data = bytes(_rev8(b) for b in data)
        r = bytearray(len(data))
        self._spi.write_readinto(data, r)
        if self._lsb:
            r = bytearray(_rev8(b) for b in r)
        return r

    def transfer(self, data, n=None):
        """transfer(byte) -> the byte received; transfer(buffer[, n]): in place
        (a bytearray), also returned."""
        if isinstance(data, int):
            return self._xfer(bytes((data & 0xFF,)))[0]
        if n is None:
            n = len(data)
        r = self._xfer(bytes(data[:n]))
        try:
            data[:n] = r
        except TypeError:
            return bytes(r)  # bytes/str in: a copy out
        return data

    def transfer16(self, w):
        w &= 0xFFFF
        if self._lsb:
            r = self._xfer(bytes((w & 0xFF, w >> 8)))
            return r[0] | (r[1] << 8)
        r = self._xfer(bytes((w >> 8, w & 0xFF)))
        return (r[0] << 8) | r[1]

    def setBitOrder(self, order):
        self._lsb = order == LSBFIRST

    def __bool__(self):
        return True


SPI = SPIClass(*_bus_of("SPI"))
if BOARD == "giga-r1":
    SPI1 = SPIClass(*_bus_of("SPI1"))


# --- Servo: Arduino's Servo library, in arduino/servo.py (a 50 Hz PWM per servo) ------------
from .servo import Servo  # noqa: E402  (servo.py reaches back into this module when attached)


# --- Keyboard and Mouse: Arduino's USB HID libraries, in arduino/hid.py (over usb.device) ---
from .hid import *  # noqa: E402,F401,F403  (Keyboard, Mouse, KEY_*, MOUSE_*)
