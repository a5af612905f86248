"""The arduino module (src/lib/arduino) on the virtual board: values checked
against Arduino's documented behaviour (worked out here, in python3, from the
Arduino reference and C's <ctype.h>), pin activity checked through --trace,
and the examples in examples/arduino run with their expected LED edges."""
import os
import re
import string
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cliutil import check, done, run  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
EXAMPLES = os.path.join(ROOT, "examples", "arduino")
TMP = tempfile.mkdtemp(prefix="bb-arduino-")
EDGE = re.compile(r"^(\d+\.\d{9}) (\S+) (high|low)$")


def board(src, *args, board=None):
    """Run `src` on the board with --speed max and a trace on stdout (the
    script's own output is interleaved; trace lines are told apart by form)."""
    p = os.path.join(TMP, "s.py")
    with open(p, "w") as f:
        f.write(src)
    opts = ["--speed", "max"] + (["--board", board] if board else []) + list(args)
    return run(opts + [p])


def edges(out, pads=None):
    """[(time_ns, pad, level)] from the trace lines in out."""
    r = []
    for line in out.splitlines():
        m = EDGE.match(line)
        if m and (pads is None or m.group(2) in pads):
            sec, frac = m.group(1).split(".")
            r.append((int(sec) * 10**9 + int(frac), m.group(2), 1 if m.group(3) == "high" else 0))
    return r


def printed(out):
    """The script's own lines (not trace lines)."""
    return [l for l in out.splitlines() if not re.match(r"^\d+\.\d{9} ", l)]


# --- constants and the pin numbering of each board ------------------------------
rc, out, err = board("""
from arduino import *
print(HIGH, LOW, INPUT, OUTPUT, INPUT_PULLUP, INPUT_PULLDOWN, CHANGE, FALLING, RISING, LSBFIRST, MSBFIRST)
print(BOARD, LED_BUILTIN, A0, A1, A2, A3, A4, A5, A6, A7)
""")
check(rc == 0 and printed(out) == ["1 0 0 1 2 3 2 3 4 0 1", "nano-rp2040 13 14 15 16 17 18 19 20 21"],
      "constants: ArduinoCore-API values; Nano RP2040 LED_BUILTIN 13, A0..A7 = 14..21", (out, err))

# Every Arduino digital number drives the pad with that silkscreen label
# (D0/D1 are GPIO1/GPIO0 on the Nano RP2040; the A pins are D14.. there).
PAD_CHECK = """
from arduino import *
import sim
bad = []
for n, label in %s:
    pinMode(n, OUTPUT)
    digitalWrite(n, HIGH); a = sim.level(label)
    digitalWrite(n, LOW); b = sim.level(label)
    if (a, b) != (1, 0):
        bad.append((n, label, a, b))
print("bad", bad)
"""
boards = {
    "nano-rp2040": [(n, "D%d" % n) for n in range(22)] + [("A%d" % i, "A%d" % i) for i in range(8)]
    + [("D%d" % n, "D%d" % n) for n in range(22)] + [(13, "LED"), ("LED_BUILTIN", "D13")],
    "nano-esp32": [(n, "D%d" % n) for n in range(14)] + [(17 + i, "A%d" % i) for i in range(8)]
    + [(13, "LED_BUILTIN")],
    "rpi-pico": [(n, "GP%d" % n) for n in list(range(23)) + [25, 26, 27, 28]] + [(25, "LED")]
    + [(26 + i, "ADC%d" % i) for i in range(3)],
    "portenta-h7": [(n, "D%d" % n) for n in range(15)] + [(15 + i, "A%d" % i) for i in range(4, 8)]
    + [(23, "LEDR"), (24, "LEDG"), (25, "LEDB"), (24, "LED_BUILTIN")],
    "giga-r1": [(n, "D%d" % n) for n in range(22)] + [(76 + i, "A%d" % i) for i in range(8)]
    + [(84, "A12"), (85, "A13"), (86, "LEDR"), (87, "LEDG"), (88, "LEDB")],
}
for b, pairs in boards.items():
    rc, out, err = board(PAD_CHECK % (pairs,), board=b)
    check(rc == 0 and printed(out) == ["bad []"], "Arduino pin numbers -> pads on " + b, (out, err))
for b, name, a0 in (("nano-esp32", "nano-esp32", 17), ("rpi-pico", "rpi-pico", 26),
                    ("portenta-h7", "portenta-h7", 15), ("giga-r1", "giga-r1", 76)):
    rc, out, err = board("from arduino import *\nprint(BOARD, A0)\n", board=b)
    check(rc == 0 and out == "%s %d\n" % (name, a0), "board recognised: " + b, (out, err))
rc, out, err = board("""
from arduino import *
for p in (99, "D40"):
    try:
        pinMode(p, OUTPUT)
    except ValueError as e:
        print("ValueError", e)
""")
check(rc == 0 and out == "ValueError no Arduino pin 99 on nano-rp2040\nValueError unknown named pin \"D40\"\n",
      "pins the board lacks: ValueError", (out, err))

# pinMode: modes and pulls in the trace; digitalRead sees pulls and drivers
rc, out, err = board("""
from arduino import *
import sim
pinMode(2, INPUT_PULLUP); pinMode(3, INPUT_PULLUP); pinMode(3, INPUT_PULLDOWN); pinMode(4, INPUT); pinMode(5, OUTPUT)
print(digitalRead(2), digitalRead(3))
sim.drive("D2", 0); sim.drive("D4", 1)
print(digitalRead(2), digitalRead(4), digitalRead("D4"))
digitalWrite(5, HIGH); print(digitalRead(5))
digitalWrite(6, HIGH)  # no pinMode: made an output on first use (as the mbed cores)
print(sim.level("D6"))
""", "--trace", "-")
tr = out.splitlines()
check(rc == 0 and printed(out) == ["1 0", "0 1 1", "1", "1"], "digitalRead: pulls, outside drivers, own output", (out, err))
check(all(any(l.endswith(s) for l in tr) for s in
          ("D2 mode IN pull UP", "D3 mode IN pull DOWN", "D4 mode IN pull NONE", "D5 mode OUT pull NONE",
           "D6 mode OUT pull NONE")), "pinMode: modes and pulls in the trace", tr)

# --- digitalWrite edges at the right virtual times ------------------------------------------
rc, out, err = board("""
from arduino import *
pinMode(13, OUTPUT)
for i in range(3):
    digitalWrite(13, HIGH); delay(250)
    digitalWrite(13, LOW); delay(250)
""", "--trace", "-")
e = edges(out, {"D13"})
t = [x[0] for x in e]
check(rc == 0 and [x[2] for x in e] == [1, 0] * 3, "digitalWrite: six alternating edges", e)
steps = [b - a for a, b in zip(t, t[1:])]
check(len(steps) == 5 and all(250_000_000 <= s < 250_100_000 for s in steps),
      "digitalWrite edges 250 ms apart (delay is exact; code costs microseconds)", steps)

# --- time -------------------------------------------------------------------------------------
rc, out, err = board("""
from arduino import *
m0, u0 = millis(), micros(); delay(1234); m1, u1 = millis(), micros()
print(m1 - m0 in (1234, 1235), 1234000 <= u1 - u0 < 1234100)
u0 = micros(); delayMicroseconds(700); print(700 <= micros() - u0 < 720)
u0 = micros(); delay(20 * 60 * 1000); u1 = micros()     # longer than the 2**30 us ticks period
print(0 <= ((u1 - u0) & 0xFFFFFFFF) - 1200000000 < 200)
ms = millis()
for day in range(49):                                   # 49 days (ticks_ms wraps every 12.4)
    delay(86400000)
m0 = millis()
delay(86400000)                                         # past 2**32 ms: millis wraps (49.7 days)
m1 = millis()
print(0 <= m0 - ms - 49 * 86400000 < 100, m0 > 4233600000, m1 < m0, 0 <= m1 - (m0 + 86400000 - 2**32) < 5)
m, u = millis(), micros()
print(0 <= (u - m * 1000) % 2**32 < 1100, 0 <= m < 2**32, 0 <= u < 2**32)
""")
check(rc == 0 and out == "True True\nTrue\nTrue\nTrue True True True\nTrue True True\n",
      "millis/micros: exact with delay, past the ticks period, wrapping at 2**32", (out, err))

# --- bits and bytes, math -------------------------------------------------------------------------
rc, out, err = board("""
from arduino import *
print(bitRead(5, 0), bitRead(5, 1), bitRead(0x80, 7), bitSet(0, 3), bitClear(15, 0), bitWrite(0, 7, 1),
      bitWrite(255, 0, 0), bit(5), bit(0))
print(highByte(0x1234), lowByte(0x1234), highByte(0x123456), lowByte(-1), highByte(-1), highByte(0xFF))
print(map(50, 0, 100, 0, 255), map(-50, 0, 100, 0, 255), map(5, 10, 0, 0, 100), map(3, 0, 7, 0, 2),
      map(-3, 0, 7, 0, 2), map(512, 0, 1023, 0, 255), map(1023, 0, 1023, 0, 255), map(10, 0, 100, 100, 0),
      map(2.9, 0, 10, 0, 100))
print(constrain(10, 0, 5), constrain(-1, 0, 5), constrain(3, 0, 5), constrain(2.5, 0, 1))
print(sq(4), sq(1.5), min(3, 5), max(3, 5), min([4, 2, 8]), max(4, 2, 8), abs(-5), abs(3), abs(-2.5))
print(pow(2, 3), pow(2, 0.5) == 2 ** 0.5, pow(3, 4, 5), sqrt(16), sin(0), cos(0), tan(0), round(sin(HALF_PI), 9))
try:
    map(1, 0, 0, 0, 10)
except ZeroDivisionError:
    print("ZeroDivisionError")
""")
check(rc == 0 and printed(out) == [
    "1 0 1 8 14 128 254 32 1",
    "18 52 52 255 255 0",
    # C truncation: -50*255/100 = -127.5 -> -127; -3*2/7 -> 0; 2.9 -> long 2 -> 20
    "127 -127 50 0 0 127 255 90 20",
    "5 0 3 1",
    "16 2.25 3 5 2 8 5 3 2.5",
    "8.0 True 1 4.0 0.0 1.0 0.0 1.0",
    "ZeroDivisionError"], "bits and bytes; map with C truncation, constrain, math", (out, err))

# --- characters: every is*() on ints -1..260 and one-character strings, against <ctype.h> ------
CT = [
    ("isAlpha", lambda c: chr(c) in string.ascii_letters),
    ("isAlphaNumeric", lambda c: chr(c) in string.ascii_letters + string.digits),
    ("isAscii", lambda c: c < 128),
    ("isControl", lambda c: c < 32 or c == 127),
    ("isDigit", lambda c: chr(c) in string.digits),
    ("isGraph", lambda c: chr(c) in string.ascii_letters + string.digits + string.punctuation),
    ("isHexadecimalDigit", lambda c: chr(c) in string.hexdigits),
    ("isLowerCase", lambda c: chr(c) in string.ascii_lowercase),
    ("isPrintable", lambda c: chr(c) in string.ascii_letters + string.digits + string.punctuation + " "),
    ("isPunct", lambda c: chr(c) in string.punctuation),
    ("isSpace", lambda c: chr(c) in " \t\n\v\f\r"),          # isspace
    ("isUpperCase", lambda c: chr(c) in string.ascii_uppercase),
    ("isWhitespace", lambda c: chr(c) in " \t"),             # isblank, as Arduino defines it
]


def ctype_row(c):
    return "".join("1" if 0 <= c < 256 and f(c) else "0" for _, f in CT)


names = ", ".join(n for n, _ in CT)
rc, out, err = board("""
from arduino import *
fs = (%s)
def row(c):
    return "".join("1" if f(c) is True else ("0" if f(c) is False else "?") for f in fs)
for c in range(-1, 261):
    print(c, row(c))
for c in range(128):
    print(repr(chr(c)), row(chr(c)))
for s in ("\\u00e9", "\\u20ac"):
    print(repr(s), row(s))
try:
    isAlpha("ab")
except TypeError:
    print("TypeError")
""" % names)
want = ["%d %s" % (c, ctype_row(c)) for c in range(-1, 261)]
want += ["%r %s" % (chr(c), ctype_row(c)) for c in range(128)]
want += ["%r %s" % (s, "0" * len(CT)) for s in ("\u00e9", "\u20ac")] + ["TypeError"]
got = printed(out)
bad = [(w, g) for w, g in zip(want, got) if w != g]
check(rc == 0 and got == want, "the 13 is*() functions answer as <ctype.h> (C locale) on ints and chars",
      (bad[:5], len(got), len(want), err))

# --- random -------------------------------------------------------------------------------------------
rc, out, err = board("""
from arduino import *
randomSeed(42)
a = [random(10) for i in range(200)]
b = [random(5, 8) for i in range(200)]
c = [random(-3, 3) for i in range(200)]
print(all(0 <= x < 10 for x in a), len(set(a)), all(5 <= x < 8 for x in b), len(set(b)),
      min(c) >= -3 and max(c) < 3, len(set(c)))
print(random(5, 5), random(7, 2), random(0), random(1))
randomSeed(7); s1 = [random(1000) for i in range(5)]
randomSeed(7); randomSeed(0); s2 = [random(1000) for i in range(5)]
print(s1 == s2)
""")
check(rc == 0 and out == "True 10 True 3 True 6\n5 7 0 0\nTrue\n",
      "random(max), random(min, max) ranges; randomSeed repeats; randomSeed(0) ignored", (out, err))

# --- shiftOut: Arduino's sequence (data, clock high, clock low) per bit ------------------------------------


def shift_out_events(value, msb):
    """The edges Arduino's shiftOut makes on (data, clock), both starting low."""
    ev, data = [], 0
    for i in range(8):
        b = (value >> (7 - i)) & 1 if msb else (value >> i) & 1
        if b != data:
            ev.append(("D4", b))
            data = b
        ev += [("D5", 1), ("D5", 0)]
    return ev


for value, order, msb in ((0xA5, "MSBFIRST", True), (0x1F, "LSBFIRST", False), (0x80, "MSBFIRST", True)):
    rc, out, err = board("""
from arduino import *
pinMode(4, OUTPUT); pinMode(5, OUTPUT)
digitalWrite(4, LOW); digitalWrite(5, LOW)
shiftOut(4, 5, %s, 0x%X)
""" % (order, value), "--trace", "-")
    ev = [(p, v) for _, p, v in edges(out, {"D4", "D5"})]
    check(rc == 0 and ev == shift_out_events(value, msb), "shiftOut 0x%X %s: edge sequence" % (value, order),
          (ev, err))
    level, sampled = 0, []
    for p, v in ev:
        if p == "D4":
            level = v
        elif v == 1:
            sampled.append(level)
    bits = [(value >> (7 - i)) & 1 for i in range(8)] if msb else [(value >> i) & 1 for i in range(8)]
    check(sampled == bits, "shiftOut 0x%X %s: data sampled at each rising clock" % (value, order), sampled)

# --- shiftIn: clock high, read, clock low; the "device" puts the next bit out on each falling clock ----
rc, out, err = board("""
from arduino import *
from machine import Pin
import sim
def device(value):
    bits = [(value >> (7 - i)) & 1 for i in range(8)]
    sent = [0]
    def fall(p):
        sent[0] += 1
        if sent[0] < 8:
            sim.drive("D6", bits[sent[0]])
    sim.drive("D6", bits[0])
    Pin(19).irq(fall, Pin.IRQ_FALLING)   # D7, the clock
pinMode(6, INPUT); pinMode(7, OUTPUT); digitalWrite(7, LOW)
device(0xB2); print(hex(shiftIn(6, 7, MSBFIRST)))
device(0xB2); print(hex(shiftIn(6, 7, LSBFIRST)))
""", "--trace", "-")
ev = [(p, v) for _, p, v in edges(out, {"D7"})]
check(rc == 0 and printed(out) == ["0xb2", "0x4d"], "shiftIn MSBFIRST / LSBFIRST read the device's bits",
      (out, err))
check(ev == [("D7", 1), ("D7", 0)] * 16, "shiftIn: clock high then low, 8 times per byte", ev)

# --- pulseIn --------------------------------------------------------------------------------------------------
rc, out, err = board("""
from arduino import *
import sim
pinMode(8, INPUT)
sim.drive("D8", 0); sim.pulse("D8", 250, delay_us=1000)
print(pulseIn(8, HIGH))
sim.pulse("D8", 1500, delay_us=200)
print(pulseInLong(8, HIGH))
sim.drive("D8", 1); sim.pulse("D8", 300, delay_us=100, level=0)
print(pulseIn(8, LOW))
sim.drive("D8", 0); u0 = micros(); r = pulseIn(8, HIGH, 5000); d = micros() - u0
print(r, 5000 <= d < 5100)
sim.drive("D8", 1); sim.drive("D8", 0, delay_us=100); sim.pulse("D8", 250, delay_us=500)
print(pulseIn(8, HIGH))             # the pulse under way is skipped, as Arduino does
sim.drive("D8", 0); sim.pulse("D8", 2500, delay_us=3000)
print(pulseIn(8, HIGH, 4000))       # ends after the timeout (counted from the call): 0
sim.advance(10000)
sim.drive("D8", 1)
print(pulseIn(8, HIGH, 2000))       # never ends: 0
""")
check(rc == 0 and out == "250\n1500\n300\n0 True\n250\n0\n0\n",
      "pulseIn/pulseInLong: microsecond widths, 0 on timeout, partial pulse skipped", (out, err))

# --- interrupts --------------------------------------------------------------------------------------------------
rc, out, err = board("""
from arduino import *
import sim
n = 0
when = []
def isr():
    global n
    n += 1
    when.append(micros())
pinMode(3, INPUT_PULLUP)
attachInterrupt(digitalPinToInterrupt(3), isr, FALLING)
for i in range(5):
    sim.drive("D3", 0); sim.advance(100)
    sim.drive("D3", 1); sim.advance(100)
print(n)
n = 0; attachInterrupt(digitalPinToInterrupt(3), isr, CHANGE)
for i in range(3):
    sim.drive("D3", 0); sim.advance(100); sim.drive("D3", 1); sim.advance(100)
print(n)
n = 0; attachInterrupt(digitalPinToInterrupt(3), isr, RISING)
sim.drive("D3", 0); sim.advance(100); print(n); sim.drive("D3", 1); sim.advance(100); print(n)
detachInterrupt(digitalPinToInterrupt(3))
sim.drive("D3", 0); sim.advance(100); sim.drive("D3", 1); sim.advance(100); print(n)
n = 0; attachInterrupt(digitalPinToInterrupt(3), isr, FALLING)
noInterrupts()
sim.drive("D3", 0); sim.advance(100); print(n)
interrupts(); sim.advance(10); print(n)
print(digitalPinToInterrupt(99), digitalPinToInterrupt(3))
del when[:]; sim.drive("D3", 1); sim.advance(10)
t0 = micros(); sim.drive("D3", 0, delay_us=400); delay(1)
print(0 <= when[0] - t0 - 400 < 50)
try:
    attachInterrupt(digitalPinToInterrupt(3), isr, 7)
except ValueError as e:
    print(e)
""")
check(rc == 0 and out == "5\n6\n0\n1\n1\n0\n1\n-1 3\nTrue\nattachInterrupt: unknown mode 7\n",
      "attachInterrupt FALLING/CHANGE/RISING on sim edges, detach, noInterrupts/interrupts (LOW/HIGH: "
      "test_arduino_api.py)", (out, err))

# --- sketch runner -------------------------------------------------------------------------------------------------
rc, out, err = board("""
from arduino import *
def setup():
    print("setup", millis())
def loop():
    delay(100)
    print("loop", millis() // 100)
run()
""", "--until", "350ms")
check(rc == 0 and out == "setup 0\nloop 1\nloop 2\nloop 3\n", "run(): setup once, loop until --until",
      (out, err))
rc, out, err = board("""
import arduino
count = [0]
def tick():
    count[0] += 1
    if count[0] == 3:
        print("three loops")
        raise SystemExit
arduino.start(lambda: print("setup"), tick)
""")
check(rc == 0 and out == "setup\nthree loops\n", "start(setup, loop)", (out, err))
rc, out, err = board("import arduino\narduino.run()\n")
check(rc == 1 and "NameError" in err and "loop()" in err, "run() without loop(): a clear NameError", err)

# --- analog I/O -------------------------------------------------------------------------------------------------------
# The rp2 ADC model (src/board/bd_adc.h): raw12 = floor(V / 3.3 * 4096 + 1/2) clamped to 4095, read_u16 =
# raw12 << 4 | raw12 >> 8, analogRead = read_u16 >> 6.  1.65 V -> raw 2048 -> 32776 -> 512 (not 511);
# 1.0 V -> 1241 -> 19860 -> 310; 3.3 V -> 4095 -> 65535 -> 1023.
def _counts(v, bits):
    raw = min(4095, int(v / 3.3 * 4096 + 0.5))
    return ((raw << 4) | (raw >> 8)) >> (16 - bits)


rc, out, err = board("""
from arduino import *
import sim
for v in (0.0, 1.0, 1.65, 3.3):
    sim.voltage("A0", v); print(analogRead(A0), analogRead("A0"), analogRead(14))
analogReadResolution(12); sim.voltage("A1", 1.0); print(analogRead(A1))
analogReadResolution(16); print(analogRead(A1))
analogReference(DEFAULT)
try:
    analogReference(EXTERNAL)
except ValueError as e:
    print("ValueError")
""")
want = ["%d %d %d" % ((_counts(v, 10),) * 3) for v in (0.0, 1.0, 1.65, 3.3)] + \
    [str(_counts(1.0, 12)), str(_counts(1.0, 16)), "ValueError"]
check(rc == 0 and printed(out) == want and want[2] == "512 512 512",
      "analogRead: 10-bit counts of sim.voltage (1.65 V -> 512), 12/16-bit resolutions", (out, err, want))


def periods(e, longest=3_000_000):
    """[(high_ns, period_ns)] of the complete periods in one pad's edges, up to
    `longest` ns (a stretch at 0% or 100% duty is no PWM period)."""
    r = []
    for k in range(len(e) - 2):
        if e[k][2] == 1 and e[k + 1][2] == 0 and e[k + 2][2] == 1 and e[k + 2][0] - e[k][0] <= longest:
            r.append((e[k + 1][0] - e[k][0], e[k + 2][0] - e[k][0]))
    return r


rc, out, err = board("""
from arduino import *
analogWrite(3, 128); delay(20)
analogWriteResolution(10); analogWrite(3, 1023); delay(10)
analogWrite(3, 0); delay(10)
pinMode(3, OUTPUT); digitalWrite(3, HIGH)
""", "--trace", "-")
e = edges(out, {"D3"})
ps = periods(e)
check(rc == 0 and len(ps) >= 8 and all(abs(p - 2_000_000) < 1000 for _, p in ps)
      and all(abs(h - 2_000_000 * 128 // 255) < 2000 for h, _ in ps),
      "analogWrite(3, 128): 500 Hz PWM, duty 128/255 in the trace", ps)
check(rc == 0 and e and e[-1][2] == 1,
      "analogWrite: full scale, then 0, then digitalWrite after pinMode", e[-6:])

rc, out, err = board("""
from arduino import *
import sim
t0 = sim.now_us()
tone(3, 440, 100); print("returned after", sim.now_us() - t0 < 1000)
delay(300)
tone(4, 1000); delay(20); noTone(4); print(sim.level("D4"))
""", "--trace", "-")
e = edges(out, {"D3"})
ps = periods(e)
check(rc == 0 and printed(out) == ["returned after True", "0"], "tone() returns at once; noTone leaves the pin low",
      (out, err))
check(len(ps) >= 40 and all(abs(p - 10**9 / 440) < 2000 and abs(h - 10**9 / 880) < 2000 for h, p in ps),
      "tone(3, 440, 100): 440 Hz, 50% duty", ps[:3])
dur = e[-1][0] - e[0][0] if e else 0
check(e and e[-1][2] == 0 and 97_000_000 <= dur <= 101_000_000 and 42 <= len(ps) <= 45,
      "tone(3, 440, 100): stops after 100 ms (a one-shot Timer), pin low", (dur, len(ps)))

# --- Serial: Arduino's Print rules on the console, Stream parsing of stdin ------------------------------------
rc, out, err = board("""
from arduino import *
Serial.begin(9600)
Serial.println(3.14159, 2); Serial.print(255, HEX); Serial.println(); Serial.println(65, BIN)
Serial.println(8, OCT); Serial.println(255, DEC); Serial.println(-1, HEX); Serial.println(1.5); Serial.println(2.5, 0)
Serial.println(-0.125, 3); Serial.println(1.0 / 3, 4); Serial.println(True); Serial.print("a"); Serial.write(66)
print(Serial.write("CD"))
Serial.println(float("nan")); Serial.println(1e10)
""")
check(rc == 0 and out == "3.14\r\nFF\r\n1000001\r\n10\r\n255\r\nFFFFFFFF\r\n1.50\r\n3\r\n-0.125\r\n0.3333\r\n1\r\n"
      "aBCD2\nnan\r\novf\r\n", "Serial.print/println: DEC/HEX/OCT/BIN, float digits (round half up), CRLF", repr(out))
p = os.path.join(TMP, "stdin.py")
with open(p, "w") as f:
    f.write("""
from arduino import *
n = Serial.parseInt()  # waits for the piped bytes (available() before any read would race the pipe)
print(n, Serial.available(), Serial.peek(), repr(Serial.readStringUntil(",")), Serial.parseFloat())
Serial.setTimeout(50)
print(repr(Serial.readString()), Serial.available(), Serial.read(), Serial.parseInt())
""")
rc, out, err = run(["--speed", "max", p], stdin=b"x-12 ab,3.25\nrest")
check(rc == 0 and out == "-12 13 32 ' ab' 3.25\n'\\nrest' 0 -1 0\n",
      "Serial input: parseInt/available/peek/readStringUntil/parseFloat/readString from stdin", (out, err))

rc, out, err = board("""
from arduino import *
import sim
sim.uart_loopback(0)
Serial1.begin(115200)
Serial1.print("T="); Serial1.println(42); Serial1.write(b"xyz")
delay(5)
print(Serial1.available(), repr(Serial1.readStringUntil("=")), Serial1.parseInt(), Serial1.read(), Serial1.read())
print(repr(Serial1.readString()), Serial1.read())
print(sim.uart_received(0))
""")
check(rc == 0 and printed(out) == ["9 'T' 42 13 10", "'xyz' -1", "b'T=42\\r\\nxyz'"],
      "Serial1: machine.UART(0) (D0/D1) with the Stream API, over sim.uart_loopback", (out, err))

# --- Wire -----------------------------------------------------------------------------------------------------------
rc, out, err = board("""
from arduino import *
import sim
sim.i2c_memory(0, 0x50)
Wire.begin(); Wire.setClock(400000)
found = []
for a in range(8, 0x78):
    Wire.beginTransmission(a)
    if Wire.endTransmission() == 0:
        found.append(hex(a))
print(found)
Wire.beginTransmission(0x51); Wire.write(0); print(Wire.endTransmission())
Wire.beginTransmission(0x50); Wire.write(0x10); print(Wire.write(b"abc"), Wire.endTransmission())
print(sim.i2c_memory_read(0, 0x50, 0x10, 3))
Wire.beginTransmission(0x50); Wire.write(0x10); print(Wire.endTransmission(False))
print(Wire.requestFrom(0x50, 3), Wire.available(), Wire.peek(), [Wire.read() for i in range(3)], Wire.read())
print(Wire.requestFrom(0x51, 2), Wire.available())
""")
check(rc == 0 and printed(out) == ["['0x50']", "2", "3 0", "b'abc'", "0", "3 3 97 [97, 98, 99] -1", "0 0"],
      "Wire: scan-like endTransmission (0 present, 2 absent), write to sim.i2c_memory, requestFrom/read back",
      (out, err))

# --- SPI ------------------------------------------------------------------------------------------------------------
rc, out, err = board("""
from arduino import *
import sim
sim.spi_loopback(0)
SPI.begin()
SPI.beginTransaction(SPISettings(1000000, MSBFIRST, SPI_MODE0))
b = bytearray(b"hello")
print(SPI.transfer(0x5A), hex(SPI.transfer16(0xBEEF)), SPI.transfer(b), b)
SPI.endTransaction()
SPI.beginTransaction(SPISettings(500000, LSBFIRST, SPI_MODE3))
print(SPI.transfer(0x01), hex(SPI.transfer16(0x1234)))
SPI.endTransaction(); SPI.end()
""")
check(rc == 0 and printed(out)[:2] == ["90 0xbeef bytearray(b'hello') bytearray(b'hello')", "1 0x1234"],
      "SPI: transfer/transfer16/buffer through sim.spi_loopback, MSB and LSB first", (printed(out), err))

# --- Keyboard and Mouse: USB HID (arduino/hid.py; the full checks are in test_usb_hid.py) ----------------------------
rc, out, err = board("""
from arduino import *
import sim
Keyboard.begin()
delay(300)
print(Keyboard.print("Hi!"), Keyboard.press(KEY_LEFT_SHIFT), MOUSE_LEFT, MOUSE_RIGHT, MOUSE_MIDDLE, hex(KEY_RETURN))
Keyboard.releaseAll()
Mouse.click()
delay(10)
print(repr(sim.usb_typed()), sim.usb_host()["presses"])
""")
check(rc == 0 and printed(out) == ["3 1 1 2 4 0xb0", "'Hi!' (1, 0, 0)"],
      "Keyboard.print types on the USB host, Mouse.click presses the left button", (out, err))

# --- the examples -------------------------------------------------------------------------------------------------------
rc, out, err = run(["--speed", "max", "--until", "4.5s", "--trace", "-", os.path.join(EXAMPLES, "Blink.py")])
e = edges(out, {"D13"})
check(rc == 0 and [v for _, _, v in e] == [1, 0, 1, 0, 1], "Blink.py: five LED edges in 4.5 s", (e, err))
check(all(abs(t - i * 10**9) < 1_000_000 for i, (t, _, _) in enumerate(e)), "Blink.py: edges a second apart",
      [t for t, _, _ in e])
rc, out, err = run(["--speed", "max", "--until", "5.5s", "--trace", "-",
                    os.path.join(EXAMPLES, "BlinkWithoutDelay.py")])
e = edges(out, {"D13"})
check(rc == 0 and [v for _, _, v in e] == [1, 0, 1, 0, 1], "BlinkWithoutDelay.py: five LED edges in 5.5 s",
      (e, err))
check(all(0 <= t - (i + 1) * 10**9 < 1_000_000 for i, (t, _, _) in enumerate(e)),
      "BlinkWithoutDelay.py: each edge just after a whole second of millis()", [t for t, _, _ in e])

p = os.path.join(TMP, "ars.py")
with open(p, "w") as f:
    f.write('import sim\nsim.voltage("A0", 1.65)\n'
            'exec(open(%r).read())\n' % os.path.join(EXAMPLES, "AnalogReadSerial.py"))
rc, out, err = run(["--speed", "max", "--until", "50ms", p])
lines = out.split("\r\n")
check(rc == 0 and len(lines) > 5 and set(lines[:-1]) == {"512"}, "AnalogReadSerial.py: 1.65 V on A0 prints 512",
      (out[:80], err))
rc, out, err = run(["--speed", "max", "--until", "1.6s", "--trace", "-", os.path.join(EXAMPLES, "Fade.py")])
ps = periods(edges(out, {"D9"}))
highs = [h for h, _ in ps]
peak = max(highs) if highs else 0
check(rc == 0 and len(ps) > 300 and all(abs(p - 2_000_000) < 1000 for _, p in ps)
      and peak > 1_900_000 and highs.index(peak) > len(highs) // 3,
      "Fade.py: 500 Hz PWM on D9 whose duty rises to near 100% and falls again", (len(ps), peak))
rises = [b - a for a, b in zip(highs, highs[1:50])]
check(rises and all(r >= 0 for r in rises), "Fade.py: duty rising at first", rises[:10])

done()
