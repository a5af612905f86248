"""The arduino module against the Arduino language reference, for what
test_arduino.py leaves open: the outside world is a stimulus file (docs/stimulus.md)
or a part (docs/parts.md), and the board's answer is read from the trace.

Reference values are worked out here from the Arduino documentation (the
language reference pages on docs.arduino.cc) and, where the module has to
decide, from what Arduino's pages say the board does:
- LOW / HIGH interrupts run the ISR "whenever the pin is low" (high): here on
  entering the level and again every LEVEL_REPEAT_MS (1 ms) while it holds,
  on every board (docs/arduino.md says why the ports' level triggers are not used);
- Stream parsing (parseInt, parseFloat with lookahead and ignore, readString,
  readStringUntil, readBytes, setTimeout) on `serial` stimulus lines, timed on
  the virtual clock;
- Serial.print's documented examples; Wire against the bmp280 part, a NACK,
  setClock in the SCL timing; SPI modes and bit order on the pins; pulseIn
  against stimulus pulses (to 1 us); shiftIn on a stimulus-driven data pin;
  map's C truncation on negative values; micros() wrapping at 2**32 us."""
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cliutil import check, done, run  # noqa: E402

TMP = tempfile.mkdtemp(prefix="bb-arduino-api-")
EDGE = re.compile(r"^(\d+)\.(\d{9}) (\S+) (high|low)$")


def sketch(src, board=None, stim=None, parts=None, until=None):
    """Run src with --speed max, a trace file, and optional stimulus / parts:
    (rc, stdout, trace lines, {pad: [(ns, level)]}, stderr)."""
    def put(name, text):
        path = os.path.join(TMP, name)
        with open(path, "w") as f:
            f.write(text)
        return path
    tp = os.path.join(TMP, "t.trace")
    args = ["--speed", "max", "--trace", tp]
    if board:
        args += ["--board", board]
    if parts:
        args += ["--parts", put("c.parts", parts)]
    if stim:
        args += ["--stimulus", put("s.stim", stim)]
    if until:
        args += ["--until", until]
    rc, out, err = run(args + [put("s.py", src)], stdin=b"")
    with open(tp) as f:
        trace = f.read().splitlines()
    pads = {}
    for line in trace:
        m = EDGE.match(line)
        if m:
            pads.setdefault(m.group(3), []).append((int(m.group(1)) * 10**9 + int(m.group(2)),
                                                    1 if m.group(4) == "high" else 0))
    return rc, out, trace, pads, err


# --- attachInterrupt(LOW / HIGH): the ISR again and again while the level holds, on every board -------------
# The ISR toggles D4, so each run is an edge in the trace.  D3 (pulled up) is
# held low by the stimulus from 10 ms for 5.5 ms: runs at entry and after 1..5 ms
# (6 in all), none once D3 is high again.  Then HIGH mode, attached while D3 is
# already high, runs at once and 1 ms later; noInterrupts() holds the repeats
# back; detachInterrupt ends them.
LEVEL = """
from arduino import *
n = [0]
def isr():
    n[0] += 1
    digitalWrite(4, n[0] & 1)
pinMode(4, OUTPUT); digitalWrite(4, LOW)
pinMode(3, INPUT_PULLUP)
attachInterrupt(digitalPinToInterrupt(3), isr, LOW)
delay(30)
print("low", n[0])
n[0] = 0
attachInterrupt(digitalPinToInterrupt(3), isr, HIGH)   # D3 high now: at once, then every 1 ms
delayMicroseconds(2500)
a = n[0]
noInterrupts(); delay(5); b = n[0]; interrupts()
delay(2)
c = n[0]
detachInterrupt(digitalPinToInterrupt(3)); delay(5)
print("high", a, b - a, c > b, n[0] == c)
"""
STIM_LEVEL = "@10ms D3 low\n@15.5ms D3 release\n"
for b in ("nano-rp2040", "nano-esp32", "giga-r1"):
    rc, out, tr, pads, err = sketch(LEVEL, board=b, stim=STIM_LEVEL)
    d4 = [t for t, _ in pads.get("D4", [])]
    low = [t - 10_000_000 for t in d4 if t < 30_000_000]
    check(rc == 0 and out.splitlines()[0] == "low 6", "attachInterrupt(LOW) on %s: 6 runs in 5.5 ms low" % b,
          (out, err))
    # the first run is the edge's soft IRQ; the repeats come from the timer, whose callback costs a little more
    check(len(low) == 6 and 0 <= low[0] < 100_000 and 1_000_000 <= low[1] - low[0] < 1_100_000 and
          all(abs(low[i + 1] - low[i] - 1_000_000) < 2_000 for i in range(1, 5)),
          "attachInterrupt(LOW) on %s: at the falling edge, then every 1 ms (the trace's D4 toggles)" % b, low)
    check(rc == 0 and out.splitlines()[1:] == ["high 3 0 True True"],
          "attachInterrupt(HIGH) on %s: at once when attached at the level, repeats; noInterrupts holds them; "
          "detach ends them" % b, (out, err))

# --- Serial input: `serial` stimulus lines, Stream parsing, setTimeout on the virtual clock --------------------
# Each phase's bytes come at their own time; "\n" ends a phase and
# readStringUntil("\n") takes what is left of it.
SERIAL = r"""
from arduino import *
at = millis
def near(t):
    # "~" when now is t .. t+2 ms (reads poll each millisecond), else the time
    return "~" if 0 <= at() - t <= 2 else at()
out = []
Serial.setTimeout(100)
out.append(("start", Serial.available(), Serial.read(), Serial.peek()))
delay(20)                                               # "hello" came at 10 ms: 5 bytes waiting
out.append(("avail", Serial.available(), Serial.peek(), Serial.read(), Serial.available()))
out.append(("readString", Serial.readString(), near(120)))   # the rest, then the 100 ms timeout
out.append(("parseInt", Serial.parseInt(), near(200)))       # waits for "x-42y" (200 ms): skips x, stops at y
out.append(("after", chr(Serial.read())))
out.append(("timeout", Serial.parseInt(), near(300)))        # nothing comes: 0 after 100 ms
delay(500 - at())
out.append(("int", Serial.parseInt(), Serial.parseInt(), Serial.parseInt(SKIP_ALL, ","), Serial.parseInt(),
            Serial.parseInt(), repr(Serial.readStringUntil("\n"))))
delay(550 - at())
out.append(("float", Serial.parseFloat(), Serial.parseFloat(), Serial.parseFloat(), Serial.parseFloat(),
            Serial.parseFloat(SKIP_ALL, "_"), repr(Serial.readStringUntil("\n"))))
delay(600 - at())
out.append(("lookahead", Serial.parseInt(SKIP_NONE), Serial.peek(), Serial.parseInt(SKIP_WHITESPACE),
            Serial.parseInt(SKIP_WHITESPACE), Serial.parseInt(SKIP_WHITESPACE), Serial.parseFloat(SKIP_NONE),
            repr(Serial.readStringUntil("\n")), near(600)))
delay(700 - at())
out.append(("until", Serial.readStringUntil(","), Serial.readStringUntil("\n"), Serial.readStringUntil(","), near(800)))
delay(900 - at())
out.append(("slow", Serial.readString(), near(1100)))    # bytes 50 ms apart: each within the timeout
buf = bytearray(8)
delay(1300 - at())
out.append(("bytes", Serial.readBytes(buf, 4), bytes(buf[:4]), Serial.readBytesUntil("\n", buf, 8), bytes(buf[:2]),
            Serial.readBytes(3)))
Serial.setTimeout(250)
t0 = at()
out.append(("setTimeout", Serial.getTimeout(), Serial.read(), repr(Serial.readString()), near(t0 + 250)))
for o in out:
    print(*o)
"""
STIM_SERIAL = r"""
@10ms   serial "hello"
@200ms  serial "x-42y"
@500ms  serial "1-2;1,234;5,6\n"
@550ms  serial "7.5;-.25;1.2.3;4_5.5\n"
@600ms  serial " 7\t 8x9\n"
@700ms  serial "ab,cd\nef"
@900ms  serial "a"
+50ms   serial "b"
+50ms   serial "c"
@1300ms serial "wxyz12\nab3"
"""
rc, out, tr, pads, err = sketch(SERIAL, stim=STIM_SERIAL)
want = [
    "start 0 -1 -1",
    "avail 5 104 104 4",
    "readString ello ~",          # read at 20 ms, then the 100 ms timeout
    "parseInt -42 ~",             # 'x' skipped; returns when 'y' (no digit) arrives with the number
    "after y",
    "timeout 0 ~",                # no digits: 0, after setTimeout() ms
    "int 1 -2 1234 5 6 ''",         # '-' leads only; ignore=',' reads "1,234"; without it ',' ends the number
    "float 7.5 -0.25 1.2 0.3 45.5 ''",   # a second '.' ends a float; '_' ignored
    "lookahead 0 32 7 8 0 0.0 'x9' ~",  # SKIP_NONE leaves the ' '; SKIP_WHITESPACE skips ' \\t', not 'x'
    "until ab cd ef ~",           # no ',' after "ef": the timeout ends it
    "slow abc ~",                 # a at 900, b 950, c 1000, then 100 ms
    "bytes 4 b'wxyz' 2 b'12' b'ab3'",
    "setTimeout 250 -1 '' ~",
]
got = out.splitlines()
check(rc == 0 and got == want, "Serial: available/read/peek/readString/parseInt/parseFloat/readStringUntil/"
      "readBytes/setTimeout on `serial` stimulus lines, timed on the virtual clock",
      ([(w, g) for w, g in zip(want, got) if w != g], got[len(want):], err))

# --- Serial1: the same Stream API on UART0 (D0/D1), bytes from a `uart0` stimulus line ----------------------------
rc, out, tr, pads, err = sketch("""
from arduino import *
Serial1.begin(9600); Serial1.setTimeout(50)
Serial.flush()
print(bool(Serial), bool(Serial1), Serial1.available())
delay(30)
print(Serial1.available(), Serial1.parseInt(), Serial1.parseInt(SKIP_ALL, "."), Serial1.parseFloat(),
      repr(Serial1.readStringUntil("!")), Serial1.read())
""", stim='@5ms uart0 "12,3.456;-0.5!"\n')
check(rc == 0 and out == "True True 0\n14 12 3456 -0.5 '' -1\n",
      "Serial1 (UART0): available counts the stimulus's bytes (paced at 9600 baud), parseInt/parseFloat/"
      "readStringUntil; Serial.flush(), if (Serial)", (out, err))

# --- Serial.print / println: the Serial.print() reference's own examples, CRLF line ends --------------------
rc, out, tr, pads, err = sketch(r"""
from arduino import *
Serial.print(78); Serial.print(" "); Serial.print(1.23456); Serial.print(" "); Serial.print("N")
Serial.println()
Serial.println(78, BIN); Serial.println(78, OCT); Serial.println(78, DEC); Serial.println(78, HEX)
Serial.println(1.23456, 0); Serial.println(1.23456, 2); Serial.println(1.23456, 4)
Serial.println(3.14159, 4); Serial.print(255, HEX)
n = Serial.println("ok")
print("|", n)
""")
check(rc == 0 and out == "78 1.23 N\r\n1001110\r\n116\r\n78\r\n4E\r\n1\r\n1.23\r\n1.2346\r\n3.1416\r\nFFok\r\n| 4\n",
      "Serial.print/println: the reference's examples (78 BIN/OCT/DEC/HEX, 1.23456 at 0/2/4 digits), "
      "print(3.14159, 4) == '3.1416', print(255, HEX) == 'FF', println ends '\\r\\n' and counts it", repr(out))

# --- Wire against the bmp280 part (docs/parts.md): registers, a datasheet temperature, NACK, setClock ------------
BMP = r"""
from arduino import *
import sim
def reg(r, n):
    Wire.beginTransmission(0x76); Wire.write(r)
    e = Wire.endTransmission(False)            # repeated start: the register pointer stays
    k = Wire.requestFrom(0x76, n)
    return e, k, [Wire.read() for i in range(Wire.available())]
Wire.begin()
e, k, idb = reg(0xD0, 1)
print("id", e, k, hex(idb[0]), Wire.read())
e, k, cal = reg(0x88, 6)
T1 = cal[0] | cal[1] << 8
T2 = cal[2] | cal[3] << 8
T3 = cal[4] | cal[5] << 8
T2 -= 65536 if T2 > 32767 else 0
T3 -= 65536 if T3 > 32767 else 0
print("cal", e, k, T1)
Wire.beginTransmission(0x76); Wire.write(0xF4); Wire.write(0xB7)   # ctrl_meas: x16/x16, normal mode
print("ctrl", Wire.endTransmission(), sim.part("bmp1").mode)
delay(100)
e, k, d = reg(0xFA, 3)
adc = d[0] << 12 | d[1] << 4 | d[2] >> 4
# the BMP280 data sheet's integer compensation (BST-BMP280-DS001, 3.11.3): T in 0.01 degC
v1 = (((adc >> 3) - (T1 << 1)) * T2) >> 11
v2 = (((((adc >> 4) - T1) * ((adc >> 4) - T1)) >> 12) * T3) >> 14
print("temp", (((v1 + v2) * 5 + 128) >> 8))
Wire.beginTransmission(0x77); Wire.write(0xD0)
print("nack", Wire.endTransmission(), Wire.requestFrom(0x77, 2), Wire.available(), Wire.read())
Wire.setClock(400000)
Wire.beginTransmission(0x76); Wire.write(0xD0); print("fast", Wire.endTransmission())
"""
rc, out, tr, pads, err = sketch(BMP, parts="bmp280 bmp1 sda=A4 scl=A5 temperature=22.5 pressure=1008\n")
lines = out.splitlines()
check(rc == 0 and lines[:3] == ["id 0 1 0x58 -1", "cal 0 6 27504", "ctrl 0 normal"],
      "Wire + bmp280: endTransmission(false) 0, requestFrom counts, chip id 0x58, dig_T1 27504, ctrl_meas written",
      (out, err))
check(len(lines) > 3 and abs(int(lines[3].split()[1]) - 2250) <= 1,
      "Wire + bmp280: the data sheet's formula on the bytes read gives the part's 22.5 degC", lines[3:4])
check(lines[4:] == ["nack 2 0 0 -1", "fast 0"],
      "Wire: no device at 0x77: endTransmission() == 2, requestFrom() == 0, read() -1", (lines[4:], err))


def scl_half_periods(trace, bus="i2c0", scl="A5"):
    """[[SCL half periods in ns] per transaction] from the trace's i2c start/stop lines and SCL edges."""
    runs, cur, last = [], None, None
    for line in trace:
        parts = line.split()
        if len(parts) >= 3 and parts[1] == bus and parts[2] == "start":
            cur, last = [], None
        elif len(parts) >= 3 and parts[1] == bus and parts[2] == "stop" and cur is not None:
            runs.append(cur)
            cur = None
        elif cur is not None and len(parts) == 3 and parts[1] == scl:
            t = int(parts[0].replace(".", ""))
            if last is not None:
                cur.append(t - last)
            last = t
    return runs


runs = scl_half_periods(tr)
check(len(runs) >= 5 and min(runs[0]) == 5000 and min(runs[-1]) == 1250,
      "Wire: 100 kHz SCL (5 us half periods) by default, 400 kHz (1.25 us) after setClock(400000), in the trace",
      [(min(r), max(r)) for r in runs if r])

# --- SPI: SPISettings' clock, mode and bit order on the pins (SCK D13, COPI D11), data back through spi_loopback --
def spi_wire_bits(pads, mode, sck="D13", mosi="D11"):
    """The COPI levels at each sampling edge of SCK (modes 0 and 3 sample on the
    rising edge, 1 and 2 on the falling edge), in time order.  With CPOL 1 the
    first SCK edge is the pin going to its idle high level (pads start low)."""
    sample = 1 if mode in (0, 3) else 0
    bits, data = [], pads.get(mosi, [])
    for t, v in pads.get(sck, [])[1 if mode >= 2 else 0:]:
        if v == sample:
            level = 0
            for td, vd in data:
                if td <= t:
                    level = vd
            bits.append(level)
    return bits


SPI_SRC = """
from arduino import *
import sim
sim.spi_loopback(0)
SPI.begin()
SPI.beginTransaction(SPISettings(%d, %s, SPI_MODE%d))
print(hex(SPI.transfer(0x1A)), hex(SPI.transfer16(0x1234)))
SPI.endTransaction()
"""
for clock, order, mode in ((1000000, "MSBFIRST", 0), (500000, "LSBFIRST", 3), (1000000, "MSBFIRST", 1),
                           (2000000, "LSBFIRST", 2)):
    rc, out, tr, pads, err = sketch(SPI_SRC % (clock, order, mode))
    sent = [0x1A, 0x12, 0x34] if order == "MSBFIRST" else [0x1A, 0x34, 0x12]   # transfer16: high byte first (MSB)
    want = []
    for byte in sent:
        want += [(byte >> (7 - i)) & 1 for i in range(8)] if order == "MSBFIRST" else [(byte >> i) & 1 for i in range(8)]
    sck = pads.get("D13", [])
    idle = sck[-1][1] if sck else None        # where SCK rests after the transfer
    rises = [t for t, v in sck if v == 1]
    per = sorted(set(b - a for a, b in zip(rises, rises[1:])))
    check(rc == 0 and out == "0x1a 0x1234\n", "SPI %s mode %d: transfer/transfer16 come back through the loopback"
          % (order, mode), (out, err))
    check(spi_wire_bits(pads, mode) == want, "SPI %s mode %d: the bits on COPI at the sampling edges, %s"
          % (order, mode, "MSB first" if order == "MSBFIRST" else "LSB first"), spi_wire_bits(pads, mode))
    check(idle == (1 if mode >= 2 else 0) and per and per[0] == 10**9 // clock,
          "SPI mode %d: SCK idles %s (CPOL), runs at %d Hz" % (mode, "high" if mode >= 2 else "low", clock),
          (idle, per[:3]))

# --- pulseIn against stimulus pulses: within 1 us --------------------------------------------------------------
rc, out, tr, pads, err = sketch("""
from arduino import *
pinMode(8, INPUT)
print(pulseIn(8, HIGH))                  # the 1234 us pulse at 5 ms
print(pulseIn(8, LOW))                   # the 777 us low pulse at 20 ms
print(pulseInLong(8, HIGH, 100000))      # 45 ms: 61 us
t0 = micros(); r = pulseIn(8, HIGH, 3000); print(r, 3000 <= micros() - t0 < 3100)   # none for 3 ms: 0
print(pulseIn(8, HIGH))                  # the clock at 60 ms: 25% of 1 kHz, 250 us
""", stim="@0 D8 low\n@5ms D8 pulse 1234us\n@15ms D8 high\n@20ms D8 pulse 777us low\n@30ms D8 low\n"
          "@45ms D8 pulse 61us\n@60ms D8 clock 1kHz duty=25% for 10ms\n")
got = out.split()
check(rc == 0 and len(got) == 6 and abs(int(got[0]) - 1234) <= 1 and abs(int(got[1]) - 777) <= 1 and
      abs(int(got[2]) - 61) <= 1 and got[3:5] == ["0", "True"] and abs(int(got[5]) - 250) <= 1,
      "pulseIn/pulseInLong: stimulus pulses of 1234 us high, 777 us low, 61 us, a 250 us clock high time, "
      "to 1 us; 0 after the timeout", (out, err))

# --- shiftIn on a stimulus-driven data pin ----------------------------------------------------------------------
# The stimulus holds the data pin (D6) at one level per window; shiftIn's eight
# clock pulses (D7) in each window read it: 0xFF, 0x00, 0xFF; the stimulus
# checks the clock's edge count and that the data pin was the stimulus's.
rc, out, tr, pads, err = sketch("""
from arduino import *
pinMode(6, INPUT); pinMode(7, OUTPUT); digitalWrite(7, LOW)
r = []
for t in (5, 15, 25):
    delay(t - millis())
    r.append(hex(shiftIn(6, 7, MSBFIRST if t != 15 else LSBFIRST)))
print(*r)
""", stim="@0 D6 high\n@10ms D6 low\n@20ms D6 high\n@30ms expect D7 rises == 24\n@30ms expect D7 low\n")
d7 = pads.get("D7", [])
win = [sum(1 for t, v in d7 if v == 1 and w * 10**7 <= t < (w + 1) * 10**7) for w in range(3)]
check(rc == 0 and out == "0xff 0x0 0xff\n" and "2 checks, 2 passed" in err,
      "shiftIn reads the stimulus's data level on each of its 8 clocks (0xff, 0x0, 0xff)", (out, err))
check(win == [8, 8, 8] and d7[-1][1] == 0, "shiftIn: 8 clock pulses per byte in the trace, clock left low", win)

# --- map(): C's truncation toward zero on negative values (Python's // floors) -----------------------------------
CASES = [(50, 0, 100, 0, 255), (-50, 0, 100, 0, 255), (-5, 0, 10, 0, 3), (1, 0, 3, 0, -10), (7, 0, 10, 10, 0),
         (-1, 0, 3, 0, 10), (5, 10, 0, 0, 100), (15, 0, 10, 0, 100), (-7, -10, 10, -100, 100), (1, 0, 3, 100, 0)]


def c_map(x, a, b, c, d):
    """map() as the reference writes it, with C's long division (truncation toward zero)."""
    n, m = (x - a) * (d - c), b - a
    q = abs(n) // abs(m)
    return (q if (n < 0) == (m < 0) else -q) + c


rc, out, tr, pads, err = sketch("from arduino import *\nprint(*[map(*c) for c in %r])\n" % (CASES,))
want = [c_map(*c) for c in CASES]
check(rc == 0 and out.split() == [str(w) for w in want] and want[:4] == [127, -127, -1, -3],
      "map(): integer math with C truncation: map(50,0,100,0,255) == 127, map(-5,0,10,0,3) == -1 (floor would "
      "give -2), map(1,0,3,0,-10) == -3", (out, want))

# --- micros() wraps at 2**32 us (71.6 min), millis() goes on ---------------------------------------------------------
rc, out, tr, pads, err = sketch("""
from arduino import *
u0, m0 = micros(), millis()
delay(71 * 60 * 1000)
u1 = micros()
delay(40 * 1000)                          # 71 min 40 s > 2**32 us = 71 min 34.967 s
u2, m2 = micros(), millis()
print(u1 > u0, u2 < u1, 0 <= u2 - (u0 + 4300000000 - 2**32) < 1000, 0 <= m2 - m0 - 4300000 < 2)
""")
check(rc == 0 and out == "True True True True\n", "micros(): unsigned long, wraps after 2**32 us; millis() does not",
      (out, err))

# --- analogWrite: 8 bits by default, 255 is always high, 0 always low; analogWriteResolution(12) ---------------------
rc, out, tr, pads, err = sketch("""
from arduino import *
analogWrite(3, 255); delay(10)
analogWrite(3, 0); delay(10)
analogWriteResolution(12); analogWrite(3, 4095); delay(10)
analogWrite(3, 1024); delay(10)
""")
d3 = pads.get("D3", [])
seg = [[v for t, v in d3 if a * 10**7 <= t < (a + 1) * 10**7] for a in range(4)]
highs = [d3[k + 1][0] - d3[k][0] for k in range(len(d3) - 1) if d3[k][1] == 1 and d3[k][0] >= 31_000_000]
check(rc == 0 and seg[0] == [1] and seg[1] == [0] and seg[2] == [1] and highs and
      all(abs(h - 2_000_000 * 1024 // 4095) < 1000 for h in highs),
      "analogWrite: 255 -> steady high, 0 -> steady low (8 bits); 12 bits: 4095 steady high, 1024 -> 25% of 2 ms",
      (seg[:3], highs[:3]))

done()
