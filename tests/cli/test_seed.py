"""The reference's examples (tests/seed/*.py), each run on the board it was
written for and checked against what that real board does: the printed
output, the exit status and error line, and the pins (from --trace).

Every example file is the reference's code unchanged under a header naming
its board.  The table EXAMPLES below holds, per example, one or more cases:
the example run as it is, a wrapper that drives inputs with `sim` and then
exec()s the unchanged file, or the corrected code of docs/seed-examples.md.

A case marked `pending: <feature>` needs something the board does not have
yet: it is still run, and reported as PEND (not a pass, not a failure) with
what happened; once its checks pass the report says so, and the marker
should go.  A case marked `gap: <reason>` is a place where Breadboard is
kinder than the real board, `bug: <reason>` a known Breadboard bug (outside
this test's files); both are reported the same way as pending cases.
"""
import math
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cliutil  # noqa: E402
from cliutil import check, done, read_trace, run  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SEED = os.path.join(ROOT, "tests", "seed")
TMP = tempfile.mkdtemp(prefix="bb-seed-")

# --- helpers -------------------------------------------------------------------


def parse_trace(path):
    """-> [(time_ns, source, event)] from a --trace file (src/board/bd_trace.h)."""
    return read_trace(path) if os.path.exists(path) else []


def edges(tr, pad):
    return [(t, 1 if e == "high" else 0) for t, s, e in tr if s == pad and e in ("high", "low")]


def modes(tr, pad):
    return [e for t, s, e in tr if s == pad and e.startswith("mode ")]


def level_at(tr, pad, t, default=None):
    return cliutil.level_at(edges(tr, pad), t, default)


def lines(out):
    return out.splitlines()


def last_line(err):
    ls = [l for l in err.splitlines() if l.strip()]
    return ls[-1] if ls else ""


def close(a, b, tol):
    return abs(a - b) <= tol


def pwm_shape(tr, pad, t_from=0):
    """-> (period_ns, high_ns) averaged over the complete cycles after t_from."""
    e = [(t, v) for t, v in edges(tr, pad) if t >= t_from]
    rises = [t for t, v in e if v == 1]
    if len(rises) < 3:
        return None
    period = (rises[-1] - rises[0]) / (len(rises) - 1)
    start, highs = None, []
    for t, v in e:
        if v == 1:
            start = t
        elif start is not None:
            highs.append(t - start)
    return period, sum(highs) / len(highs) if highs else 0


# What the real board prints for the bitRead() example.
BITREAD = "".join("Binary:  [%s]  DEC:  %d\n" % (", ".join(str((c >> b) & 1) for b in range(7, -1, -1)), c)
                  for c in range(256))


def yasmarang_randint(seed, a, b):
    """MicroPython's random (extmod/modrandom.c, Yasmarang): what a real board's
    random.seed(seed); random.randint(a, b) returns."""
    M = 0xFFFFFFFF
    st = {"pad": seed & M, "n": 69, "d": 233, "dat": 0}

    def nxt():
        st["pad"] = (st["pad"] + st["dat"] + st["d"] * st["n"]) & M
        st["pad"] = ((st["pad"] << 3) + (st["pad"] >> 29)) & M
        st["n"] = st["pad"] | 2
        st["d"] = (st["d"] ^ (((st["pad"] << 31) + (st["pad"] >> 1)) & M)) & M
        st["dat"] = (st["dat"] ^ (st["pad"] & 0xFF) ^ (st["d"] >> 8) ^ 1) & 0xFF
        return (st["pad"] ^ ((st["d"] << 5) & M) ^ (st["pad"] >> 18) ^ (st["dat"] << 1)) & M

    n = b - a + 1
    mask = 1
    while (n & mask) < n:
        mask = (mask << 1) | 1
    while True:
        r = nxt() & mask
        if r < n:
            return a + r


# --- the table -------------------------------------------------------------------
# A case: "run": None (the example file itself) or wrapper/corrected source, in
# which EXAMPLE is the example's path and run_example(g=None) exec()s it and
# returns its globals; "until"; "rc"; "out": exact text or a function(out) ->
# True/False; "err": a regex the last stderr line must match; "pins":
# function(trace) -> True/False; "pending"/"gap": see the docstring.

PRELUDE = '''import sim
EXAMPLE = %r
def run_example(g=None):
    g = {"__name__": "__main__"} if g is None else g
    with open(EXAMPLE) as f:
        src = f.read()
    exec(compile(src, EXAMPLE, "exec"), g)
    return g
'''

EXAMPLES = {
    # --- Digital I/O ---------------------------------------------------------
    "digital_io_pinmode": [
        dict(what="Pin(5) (D10) becomes an output, low; Pin(6) (D13) an input pulled up",
             until="100ms", out="",
             pins=lambda tr: modes(tr, "D10") == ["mode OUT pull NONE"] and edges(tr, "D10") == []
             and modes(tr, "D13") == ["mode IN pull UP"] and level_at(tr, "D13", 10**8) == 1),
    ],
    "digital_io_digitalread": [
        dict(what="Pin(5, Pin.PULL_UP) is Pin(5, Pin.OUT) on rp2 (PULL_UP == OUT == 1): prints 0",
             until="100ms", out="0\n",
             pins=lambda tr: modes(tr, "D10") == ["mode OUT pull NONE"] and edges(tr, "D10") == []),
        dict(what="corrected: Pin(5, Pin.IN, Pin.PULL_UP) prints the level: 1 pulled up, 0 driven low",
             until="100ms", out="1\n0\n1\n", run='''
from machine import Pin
pin = Pin(5, Pin.IN, Pin.PULL_UP)
print(pin.value())
sim.drive(5, 0)
print(pin.value())
sim.drive(5, None)
print(pin.value())
''', pins=lambda tr: modes(tr, "D10") == ["mode IN pull UP"]),
    ],
    "digital_io_digitalwrite": [
        dict(what="Pin(5) (D10) goes high (an output only because PULL_UP == OUT on rp2)",
             until="100ms", out="",
             pins=lambda tr: modes(tr, "D10") == ["mode OUT pull NONE"] and [v for t, v in edges(tr, "D10")] == [1]),
    ],
    # --- Analog I/O ----------------------------------------------------------
    "analog_io_analogread": [
        dict(what="prints 'ADC:  N' (0..65535) once a second from PC4 (A0)", until="3500ms",
             out=lambda o: len(lines(o)) == 4 and all(re.match(r"^ADC:  (\d+)$", l) and
                                                      0 <= int(l.split()[-1]) <= 65535 for l in lines(o))),
    ],
    "analog_io_analogread_10bit": [
        dict(what="a fragment: alone it is a NameError (`reading` undefined)", until="100ms",
             rc=1, out="", err=r"^NameError: name 'reading' is"),
        dict(what="after a read: 16-bit -> 10-bit (0->0, 65535->1023, 32768->512, 64->1, 63->0)",
             until="100ms", out="0\n1023\n512\n1\n0\n", run='''
for reading in (0, 65535, 32768, 64, 63):
    print(run_example({"reading": reading})["result"])
'''),
    ],
    "analog_io_analogwrite": [
        dict(what="D3 (GPIO15): PWM at 1 kHz, duty 30000/65535 (457.8 us high per 1 ms)",
             until="20ms", out="",
             pins=lambda tr: (lambda s: s is not None and close(s[0], 1_000_000, 10_000)
                              and close(s[1], 457_770, 5_000))(pwm_shape(tr, "D3"))),
    ],
    "analog_io_analogwrite_stm32": [
        dict(what="PC6: TIM3 PWM at 1 kHz; pulse_width(50) is 50 timer ticks (~1 us), not 50 %",
             until="20ms", out="",
             pins=lambda tr: (lambda s: s is not None and close(s[0], 1_000_000, 10_000)
                              and 0 < s[1] < 2_000)(pwm_shape(tr, "PC6"))),
        dict(what="corrected: pulse_width_percent(50) gives 500 us high per 1 ms", until="20ms",
             out="", run='''
from pyb import Pin, Timer
pin1 = Pin("PC6", Pin.OUT_PP, Pin.PULL_NONE)
timer1 = Timer(3, freq=1000)
channel1 = timer1.channel(1, Timer.PWM, pin=pin1, pulse_width=0)
channel1.pulse_width_percent(50)
''', pins=lambda tr: (lambda s: s is not None and close(s[0], 1_000_000, 10_000)
                      and close(s[1], 500_000, 5_000))(pwm_shape(tr, "PC6"))),
    ],
    # --- Time ----------------------------------------------------------------
    "time_delay": [
        dict(what="time.sleep(1) takes 1 s of board time, then the script ends", until="5s",
             run='''
t0 = sim.now_us()
run_example()
d = sim.now_us() - t0
print(1000000 <= d < 1000100)
''', out="True\n"),
    ],
    "time_millis": [
        dict(what="D10 toggles every second, on the RTC's second boundaries (time.time() is an int)",
             until="5500ms", out="",
             pins=lambda tr: [v for t, v in edges(tr, "D10")] == [1, 0, 1, 0, 1, 0]
             and all(close(t, i * 10**9, 100_000) for i, (t, v) in enumerate(edges(tr, "D10")))),
        dict(what="time.time() is seconds since 2000/1970 epoch (an int), not since the script started",
             until="100ms", out="1609459200 int\n", run='''
import time
print(time.time(), type(time.time()).__name__)
'''),
        dict(what="corrected (ticks_ms): prints ms values spaced as slept; D10 toggles every 1000 ms",
             until="3500ms", run='''
import time
from machine import Pin
ledPin = Pin(5, Pin.OUT)
interval = 1000
previousTime = time.ticks_ms()
switch = False
print(time.ticks_ms())
time.sleep_ms(250)
print(time.ticks_ms())
while True:
    currentTime = time.ticks_ms()
    if time.ticks_diff(currentTime, previousTime) >= interval:
        previousTime = currentTime
        switch = not switch
        ledPin.value(switch)
''', out=lambda o: len(lines(o)) == 2 and 0 <= int(lines(o)[0]) <= 1
             and int(lines(o)[1]) - int(lines(o)[0]) == 250,
             pins=lambda tr: [v for t, v in edges(tr, "D10")] == [1, 0, 1]
             and all(close(t, (i + 1) * 10**9, 100_000) for i, (t, v) in enumerate(edges(tr, "D10")))),
    ],
    # --- Bits and Bytes ------------------------------------------------------
    "bits_and_bytes_bitread": [
        dict(what="prints the 8 bits of 0..255, MSB first, then stops", until="5s", out=BITREAD),
        dict(what="256 iterations of sleep(0.01): ends after ~2.56 s", until="5s", run='''
t0 = sim.now_us()
run_example()
d = sim.now_us() - t0
print(2560000 <= d < 2700000)
''', out=lambda o: o.endswith("DEC:  255\nTrue\n")),
    ],
    "bits_and_bytes_bitset": [
        dict(what="12345 | (1 << 2) = 12349", until="100ms",
             out="\nBefore setting a bit:  0b11000000111001\nBefore setting a bit:  12345\n"
                 "After setting a bit:  0b11000000111101\nAfter setting a bit:  12349\n"),
    ],
    "bits_and_bytes_highbyte": [
        dict(what="prints bit 7 of 255 (not the high byte)", until="100ms", out="Leftmost bit:  1\n"),
        dict(what="corrected highByte: (x >> 8) & 0xFF", until="100ms", out="0\n18\n255\n", run='''
def highByte(x):
    return (x >> 8) & 0xFF
print(highByte(255))
print(highByte(0x1234))
print(highByte(0xFFFF))
'''),
    ],
    "bits_and_bytes_lowbyte": [
        dict(what="prints bit 0 of 255 (not the low byte), with the typo 'Rigthmost'", until="100ms",
             out="Rigthmost bit:  1\n"),
        dict(what="corrected lowByte: x & 0xFF", until="100ms", out="255\n52\n0\n", run='''
def lowByte(x):
    return x & 0xFF
print(lowByte(255))
print(lowByte(0x1234))
print(lowByte(0x1200))
'''),
    ],
    # --- Advanced I/O ----------------------------------------------------------
    "advanced_io_notone": [
        dict(what="only defines noTone(): no output, no pin activity", until="100ms", out="",
             pins=lambda tr: tr == []),
        dict(what="noTone(15) stops a 440 Hz tone on D3", until="50ms", run='''
import machine
g = run_example()
pwm = machine.PWM(machine.Pin(15), freq=440, duty_u16=32768)
sim.advance(20000)
g["noTone"](15)
n = sim.edges(15)
sim.advance(20000)
print(n > 10, sim.edges(15) == n)
''', out="True True\n"),
    ],
    "advanced_io_pulsein": [
        dict(what="only defines pulseIn(): no output", until="100ms", out="", pins=lambda tr: tr == []),
        dict(what="pulseIn returns (next low time) - (pulse width): 1000 - 580 here, not 580",
             until="3s", run='''
sim.drive(16, 0)
sim.pulse(16, 580, delay_us=100)
sim.pulse(16, 300, delay_us=1680)
g = run_example()
print(g["pulseIn"](16, 1))
''', out=lambda o: 400 <= int(o) <= 420),
        dict(what="with no second pulse: -1 (timeout) - 580 = -581", until="3s", run='''
sim.drive(16, 0)
sim.pulse(16, 580, delay_us=100)
g = run_example()
print(g["pulseIn"](16, 1))
''', out="-581\n"),
        dict(what="corrected: time_pulse_us alone measures the 580 us pulse", until="3s", run='''
import machine
def pulseIn(pin, level, timeout=1000000):
    return machine.time_pulse_us(machine.Pin(pin, machine.Pin.IN), level, timeout)
sim.drive(16, 0)
sim.pulse(16, 580, delay_us=100)
print(pulseIn(16, 1))
''', out="580\n"),
    ],
    "advanced_io_shiftin": [
        dict(what="AttributeError at the def: machine has no MSBFIRST", until="100ms", rc=1, out="",
             err=r"^AttributeError: .*'MSBFIRST'"),
        dict(what="corrected: clocks D9 8 times and reads D8 (driven high: 255, low: 0)", until="100ms", run='''
import machine
MSBFIRST, LSBFIRST = 1, 0
def shiftIn(dataPin, clockPin, bitOrder=MSBFIRST):
    data = machine.Pin(dataPin, machine.Pin.IN)
    clock = machine.Pin(clockPin, machine.Pin.OUT, value=0)
    value = 0
    for i in range(8):
        clock.value(1)
        bit = data.value()
        if bitOrder == LSBFIRST:
            value |= bit << i
        else:
            value |= bit << (7 - i)
        clock.value(0)
    return value
sim.drive(20, 1)
print(shiftIn(20, 21))
sim.drive(20, 0)
print(shiftIn(20, 21, LSBFIRST))
''', out="255\n0\n", pins=lambda tr: len(edges(tr, "D9")) == 32),
    ],
    "advanced_io_shiftout": [
        dict(what="SyntaxError: non-default argument follows default argument (line 8); nothing runs",
             until="100ms", rc=1, out="",
             err=r"^SyntaxError: non-default argument follows default argument$",
             errfull=lambda e: re.search(r'File "[^"]*advanced_io_shiftout\.py", line 8', e) is not None,
             pins=lambda tr: tr == []),
        dict(what="corrected: shiftOut(D8, D9, MSBFIRST, 0xA5) puts 1,0,1,0,0,1,0,1 on D8 at D9's rising edges",
             until="100ms", out="", run='''
import machine
MSBFIRST, LSBFIRST = 1, 0
def shiftOut(dataPin, clockPin, bitOrder, value):
    data = machine.Pin(dataPin, machine.Pin.OUT)
    clock = machine.Pin(clockPin, machine.Pin.OUT, value=0)
    for i in range(8):
        mask = 1 << i if bitOrder == LSBFIRST else 1 << (7 - i)
        data.value(1 if value & mask else 0)
        clock.value(1)
        clock.value(0)
shiftOut(20, 21, MSBFIRST, 0xA5)
''', pins=lambda tr: [level_at(tr, "D8", t, 0) for t, v in edges(tr, "D9") if v == 1] == [1, 0, 1, 0, 0, 1, 0, 1]),
    ],
    "advanced_io_tone": [
        dict(what="only defines tone(): no output, no pin activity", until="100ms", out="",
             pins=lambda tr: tr == []),
        dict(what="tone(15, 440, 100): AttributeError, the rp2 port has no machine.sleep", until="1s",
             rc=1, run='''
g = run_example()
g["tone"](15, 440, 100)
''', err=r"^AttributeError: .*'sleep'"),
        dict(what="corrected: 440 Hz square wave on D3 for 100 ms, then nothing", until="300ms",
             out="", run='''
import machine, time
def tone(pin, frequency, duration=None):
    pwm = machine.PWM(machine.Pin(pin), freq=frequency, duty_u16=32768)
    if duration is not None:
        time.sleep_ms(duration)
        pwm.deinit()
    return pwm
tone(15, 440, 100)
''', pins=lambda tr: (lambda s: s is not None and close(s[0], 10**9 / 440, 20_000)
                      and close(s[1], 10**9 / 880, 20_000))(pwm_shape([x for x in tr if x[0] < 99_000_000], "D3"))
             and all(t < 101_000_000 for t, v in edges(tr, "D3"))),
    ],
    # --- Math ----------------------------------------------------------------
    "math_abs": [dict(what="result == 5", until="100ms", out="5\n",
                      run='print(run_example()["result"])')],
    "math_constrain": [dict(what="constrain(10, 0, 5) == 5", until="100ms", out="5\n",
                            run='print(run_example()["result"])')],
    "math_map": [dict(what="map(50, 0, 100, 0, 255) == 127.5 (a float; Arduino's integer map gives 127)",
                      until="100ms", out="127.5\n", run='print(run_example()["result"])')],
    "math_max": [dict(what="max(5, 10, 3) == 10", until="100ms", out="10\n",
                      run='print(run_example()["result"])')],
    "math_min": [dict(what="min(5, 10, 3) == 3", until="100ms", out="3\n",
                      run='print(run_example()["result"])')],
    "math_pow": [dict(what="pow(2, 3) == 8", until="100ms", out="8\n",
                      run='print(run_example()["result"])')],
    "math_sq": [
        dict(what="NameError: sq is no builtin", until="100ms", rc=1, out="", err=r"^NameError: name 'sq' is"),
        dict(what="corrected: 4 ** 2 == 16", until="100ms", out="16\n", run='''
def sq(x):
    return x * x
print(sq(4))
'''),
    ],
    "math_sqrt": [dict(what="math.sqrt(16) == 4.0", until="100ms", out="4.0\n",
                       run='print(run_example()["result"])')],
    "math_sin": [dict(what="sin(30 deg) = 0.5 (to float precision)", until="100ms",
                      out=lambda o: (lambda m: m is not None and close(float(m.group(1)), math.pi / 6, 1e-6)
                                     and close(float(m.group(2)), 0.5, 1e-6))(
                          re.match(r"^The sine of (\S+) radians is: (\S+)\n$", o)))],
    "math_tan": [dict(what="tan(60 deg) = 1.732051 (to float precision)", until="100ms",
                      out=lambda o: (lambda m: m is not None and close(float(m.group(1)), math.pi / 3, 1e-6)
                                     and close(float(m.group(2)), math.sqrt(3), 1e-5))(
                          re.match(r"^The tangent of (\S+) radians is: (\S+)\n$", o)))],
    # --- Characters ----------------------------------------------------------
    "characters_isalpha": [dict(what="'a' is alphabetic", until="100ms", out="a is alphabetic.\n")],
    "characters_isalphanumeric": [dict(what="'a' is alphanumeric", until="100ms", out="a is alphanumeric.\n")],
    "characters_isascii": [dict(what="'\u00c3' (ord 195) is not ASCII", until="100ms",
                                out="\u00c3 is not an ASCII character.\n")],
    "characters_iscontrol": [dict(what="tab is a control character (printed as a raw tab)", until="100ms",
                                  out="\t is a control character.\n")],
    "characters_isdigit": [dict(what="'5' is a digit", until="100ms", out="5 is a digit.\n")],
    "characters_isgraph": [
        dict(what="MicroPython's str has no isprintable(): AttributeError", until="100ms", rc=1, out="",
             err=r"AttributeError: 'str' object has no attribute 'isprintable'$"),
        dict(what="corrected (33 <= ord(c) <= 126): 'A' is a graph character, ' ' is not", until="100ms",
             out="True False\n", run='''
def isGraph(char):
    return 33 <= ord(char) <= 126
print(isGraph("A"), isGraph(" "))
'''),
    ],
    "characters_islowercase": [dict(what="'a' is lower case", until="100ms", out="Is lower case.\n")],
    "characters_isprintable": [
        dict(what="MicroPython's str has no isprintable(): AttributeError", until="100ms", rc=1, out="",
             err=r"AttributeError: 'str' object has no attribute 'isprintable'$"),
        dict(what="corrected (32 <= ord(c) <= 126): tab is not printable, ' ' is", until="100ms",
             out="False True\n", run='''
def isPrintable(char):
    return 32 <= ord(char) <= 126
print(isPrintable("\\t"), isPrintable(" "))
'''),
    ],
    "characters_ispunct": [dict(what="'.' is punctuation", until="100ms", out="True\n")],
    "characters_isspace": [dict(what="' ' is a space character", until="100ms", out="  is a space character.\n")],
    "characters_isuppercase": [dict(what="'A' is upper case", until="100ms", out="A is an uppercase letter.\n")],
    # --- Random Numbers --------------------------------------------------------
    "random_numbers_random": [
        dict(what="an integer in 1..10", until="100ms",
             out=lambda o: re.match(r"^Random integer between 1 and 10: (\d+)\n$", o) is not None
             and 1 <= int(o.split()[-1]) <= 10),
    ],
    "random_numbers_randomseed": [
        dict(what="an integer in 1..100, the same on every run (time.time() is 1609459200 after reset)",
             until="100ms", out=lambda o: re.match(r"^\d+\n$", o) is not None and 1 <= int(o) <= 100,
             same_every_run=True),
        dict(what="the number a real board prints (MicroPython's Yasmarang seeded with 1609459200)",
             until="100ms", out="%d\n" % yasmarang_randint(1609459200, 1, 100),
             gap="Breadboard's random is not MicroPython's Yasmarang generator"),
    ],
    # --- External Interrupts -----------------------------------------------------
    "external_interrupts_attachinterrupt": [
        dict(what="'hello world' each second; the handler prints when PA3 (D2) falls", until="3500ms", run='''
sim.drive("PA3", 0, delay_us=1500000)
run_example()
''', out="hello world\nhello world\nInterrupt occurred on pin PA3\nhello world\nhello world\n",
             pins=lambda tr: modes(tr, "D2") == ["mode IN pull UP"] and [v for t, v in edges(tr, "D2")] == [1, 0]),
        dict(what="two presses and releases: one handler call per press (IRQ_FALLING only)",
             until="3500ms", run='''
for t in (1500000, 2500000):
    sim.drive("PA3", 0, delay_us=t)
    sim.drive("PA3", 1, delay_us=t + 100000)
run_example()
''', out="hello world\nhello world\nInterrupt occurred on pin PA3\nhello world\n"
             "Interrupt occurred on pin PA3\nhello world\n",
             pins=lambda tr: [v for t, v in edges(tr, "D2")] == [1, 0, 1, 0, 1]),
        dict(what="a rising edge alone does not fire it", until="1500ms", run='''
sim.drive("PA3", 0)
sim.drive("PA3", 1, delay_us=500000)
run_example()
''', out="hello world\nhello world\n"),
    ],
    "external_interrupts_detachinterrupt": [
        dict(what="the handler fires on the first falling edge only, then detaches itself",
             until="3500ms", run='''
for t in (1500000, 2500000):
    sim.drive("PA3", 0, delay_us=t)
    sim.drive("PA3", 1, delay_us=t + 100000)
run_example()
''', out="hello world\nhello world\nInterrupt occurred on pin PA3\nhello world\nhello world\n",
             pins=lambda tr: [v for t, v in edges(tr, "D2")] == [1, 0, 1, 0, 1]),
    ],
}


# --- the runner ------------------------------------------------------------------

def board_of(path):
    with open(path, encoding="utf-8") as f:
        head = f.read(500)
    m = re.search(r"^# board: (\S+)", head, re.M)
    return m.group(1) if m else None


def run_case(name, i, case, board, path):
    """-> (ok, detail)"""
    trace = os.path.join(TMP, "%s.%d.trace" % (name, i))
    if case.get("run"):
        script = os.path.join(TMP, "%s.%d.py" % (name, i))
        with open(script, "w", encoding="utf-8") as f:
            f.write(PRELUDE % path + case["run"])
    else:
        script = path
    args = ["--board", board, "--speed", "max", "--until", case["until"], "--trace", trace, script]
    rc, out, err = run(args, cwd=SEED)
    tr = parse_trace(trace)
    problems = []
    want_rc = case.get("rc", 0)
    if rc != want_rc:
        problems.append("exit status %d, want %d" % (rc, want_rc))
    want = case.get("out")
    if callable(want):
        try:
            good = want(out)
        except Exception as e:  # a malformed output is a failed check
            good = False
            problems.append("output check raised %r" % e)
        if not good:
            problems.append("output %r" % out[-300:])
    elif want is not None and out != want:
        problems.append("output %r, want %r" % (out[-300:], want[-300:]))
    if case.get("err") and not re.search(case["err"], last_line(err)):
        problems.append("error line %r, want /%s/" % (last_line(err), case["err"]))
    if want_rc == 0 and rc == 0 and case.get("err") is None and "Traceback" in err:
        problems.append("traceback: " + last_line(err))
    if case.get("errfull") and not case["errfull"](err):
        problems.append("stderr %r" % err[-300:])
    if case.get("pins"):
        try:
            good = case["pins"](tr)
        except Exception as e:
            good = False
            problems.append("pin check raised %r" % e)
        if not good:
            problems.append("pins: %s" % " | ".join("%d %s %s" % e for e in tr[:12]))
    if case.get("same_every_run") and not problems:
        rc2, out2, _ = run(args, cwd=SEED)
        if out2 != out:
            problems.append("second run printed %r, first %r" % (out2, out))
    detail = "; ".join(problems)
    if problems and rc != 0 and not case.get("err"):
        detail += " [stderr: %s]" % last_line(err)
    return not problems, detail


files = sorted(f[:-3] for f in os.listdir(SEED) if f.endswith(".py"))
check(sorted(EXAMPLES) == files, "every tests/seed file has its entry in the table, and back",
      (set(files) ^ set(EXAMPLES)))
counts = {"pass": 0, "pending": 0, "gap": 0, "bug": 0}
status = {}
for name in files:
    path = os.path.join(SEED, name + ".py")
    board = board_of(path)
    check(board is not None, name + ": header names the board")
    if board is None:
        continue
    for i, case in enumerate(EXAMPLES.get(name, [])):
        ok, detail = run_case(name, i, case, board, path)
        label = "%s [%s]: %s" % (name, board, case["what"])
        kind = [k for k in ("pending", "gap", "bug") if case.get(k)]
        if kind:
            kind = kind[0]
            counts[kind] += 1
            status.setdefault(name, set()).add(kind)
            print("%s %s (%s: %s)%s" % ({"pending": "PEND", "gap": "GAP ", "bug": "BUG "}[kind], label, kind, case[kind],
                                        " -- now passes, drop the marker" if ok else " -- " + detail[:200]))
        else:
            counts["pass"] += ok
            status.setdefault(name, set()).add("runs")
            check(ok, label, detail)

print("seed examples: %d files; %d cases pass, %d pending, %d gaps, %d known bugs "
      "(pending/gap/bug cases are reported, not counted as passes)"
      % (len(files), counts["pass"], counts["pending"], counts["gap"], counts["bug"]))
for name in files:
    st = status.get(name, set())
    print("  %-40s %s" % (name, "pending" if "pending" in st and "runs" not in st else
                          ", ".join(sorted(st))))
done()
