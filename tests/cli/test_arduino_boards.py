"""The arduino module's board-dependent facts, each checked on the boards it
concerns (nano-rp2040, nano-esp32, giga-r1, portenta-h7) through the trace:
analogWrite's frequency per Arduino core (500 Hz mbed, 1000 Hz ESP32),
analogRead's default resolution (10 bits, 12 on the Nano ESP32), PWM on the
stm32 boards through pyb.Timer channels, tone()'s one-tone-at-a-time rule,
the Servo library's API and pulses, Serial1/Wire/SPI on each board's own
pins (Wire2/SPI1 on the GIGA, Serial0 on the Nano ESP32), Wire's status 1
for an overlong transmission, and arduino.pitches."""
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cliutil import check, done, run  # noqa: E402

TMP = tempfile.mkdtemp(prefix="bb-arduino-boards-")
EDGE = re.compile(r"^(\d+)\.(\d{9}) (\S+) (high|low)$")


def board(src, board=None, parts=None):
    """Run src on a board with a trace: (rc, printed lines, trace lines, {pad: edges}, stderr).
    The trace goes to its own file, so the script's lines are never cut by trace lines."""
    p = os.path.join(TMP, "s.py")
    with open(p, "w") as f:
        f.write(src)
    tp = os.path.join(TMP, "s.trace")
    args = ["--speed", "max", "--trace", tp] + (["--board", board] if board else [])
    if parts:
        pp = os.path.join(TMP, "s.parts")
        with open(pp, "w") as f:
            f.write(parts)
        args += ["--parts", pp]
    rc, out, err = run(args + [p])
    printed, trace, pads = out.splitlines(), [], {}
    with open(tp) as f:
        tlines = f.read().splitlines()
    for line in tlines:
        if re.match(r"^\d+\.\d{9} ", line):
            trace.append(line)
            m = EDGE.match(line)
            if m:
                pads.setdefault(m.group(3), []).append((int(m.group(1)) * 10**9 + int(m.group(2)),
                                                        1 if m.group(4) == "high" else 0))
    return rc, printed, trace, pads, err


def periods(e):
    """[(high_ns, period_ns)] of the whole PWM periods in one pad's edges."""
    return [(e[k + 1][0] - e[k][0], e[k + 2][0] - e[k][0]) for k in range(len(e) - 2)
            if e[k][1] == 1 and e[k + 1][1] == 0 and e[k + 2][1] == 1]


def mode_lines(trace, pads):
    """The pads the trace shows switching to a peripheral (ALT...) mode."""
    return set(p for p in pads if any(re.search(r" %s mode ALT" % p, l) for l in trace))


# --- analogWrite: 500 Hz on the mbed cores, 1000 Hz on the ESP32 core; duty value/255 ------------
for b, hz in (("nano-rp2040", 500), ("nano-esp32", 1000), ("giga-r1", 500), ("portenta-h7", 500)):
    rc, out, tr, pads, err = board("""
from arduino import *
print(ANALOG_WRITE_FREQ)
analogWrite(5, 64); delay(30)
analogWrite(5, 192); delay(30)
""", b)
    ps = periods(pads.get("D5", []))
    want = 10**9 // hz
    first = [h for h, p in ps if abs(p - want) < want // 500]
    check(rc == 0 and out == [str(hz)] and len(first) == len(ps) >= 20,
          "analogWrite on %s: %d Hz (the board's Arduino core)" % (b, hz), (out, ps[:3], err[-200:]))
    duties = sorted(set(round(h / p * 255) for h, p in ps))
    check(duties == [64, 192], "analogWrite on %s: duty 64/255 then 192/255" % b, duties)

rc, out, tr, pads, err = board("""
from arduino import *
try:
    analogWrite(8, 100)
except ValueError as e:
    print(e)
""", "portenta-h7")
check(rc == 0 and out == ["no PWM on pin PC3: it has no timer channel in arduino's table"],
      "analogWrite on a Portenta pin without a timer channel: a clear ValueError", (out, err))

# --- analogRead: 10 bits by default; 12 on the Nano ESP32 (its core's default) ---------------------
# the esp32 model at 11 dB (full scale 3.1 V, 12 bits): raw = floor(V / 3.1 * 4096 + 1/2)
rc, out, tr, pads, err = board("""
from arduino import *
import sim
sim.voltage("A0", 1.65); print(analogRead(A0))
sim.voltage("A0", 3.3); print(analogRead(A0))
analogReadResolution(10); sim.voltage("A0", 1.65); print(analogRead(A0))
""", "nano-esp32")
raw = int(1.65 / 3.1 * 4096 + 0.5)
check(rc == 0 and out == [str(raw), "4095", str(raw >> 2)], "analogRead on nano-esp32: 12 bits by default (0..4095)",
      (out, raw, err))
rc, out, tr, pads, err = board("""
from arduino import *
import sim
sim.voltage("A0", 1.65); print(analogRead(A0))
""", "giga-r1")
check(rc == 0 and out == [str(int(1.65 / 3.3 * 65536 + 0.5) >> 6)], "analogRead on giga-r1: 10 bits by default",
      (out, err))

# --- tone(): one tone at a time; the same pin changes frequency; 0 is silence ----------------------
rc, out, tr, pads, err = board("""
from arduino import *
tone(3, 440); delay(20)
tone(4, 1000); delay(20)       # D3 is playing: no effect
tone(3, 880); delay(20)        # the same pin: the frequency changes
noTone(3); delay(5)
tone(4, 1000, 20); delay(40)   # now D4 plays, for 20 ms
tone(4, 0, 50); delay(20)      # frequency 0: silence
""")
d3, d4 = pads.get("D3", []), pads.get("D4", [])
p3 = [p for h, p in periods(d3)]
check(rc == 0 and all(t > 65_000_000 for t, _ in d4), "tone(): no effect on D4 while D3 plays", d4[:2])
check(p3 and p3[0] == p3[5] and abs(p3[0] - 10**9 / 440) < 1000 and abs(p3[-1] - 10**9 / 880) < 1000,
      "tone(): on the playing pin it changes the frequency (440 -> 880 Hz)", (p3[:2], p3[-2:]))
p4 = periods(d4)
check(d4 and abs(p4[0][1] - 10**6) < 1000 and d4[-1][1] == 0 and 19_000_000 <= d4[-1][0] - d4[0][0] <= 20_500_000,
      "tone(): after noTone() another pin plays; its duration ends it; tone(pin, 0) plays nothing",
      (d4[:2], d4[-1:]))

# --- Servo: the library's API, pulses in the trace --------------------------------------------------
for b in ("nano-rp2040", "giga-r1"):
    rc, out, tr, pads, err = board("""
from arduino import *
s, t = Servo(), Servo()
print(s.attached(), s.attach(9), t.attach(6, 1000, 2000), s.attached(), s.readMicroseconds())
delay(50)
s.write(90); print(s.read(), s.readMicroseconds()); delay(50)
s.write(-5); print(s.read(), s.readMicroseconds())
s.write(1700); print(s.readMicroseconds())          # >= 544: microseconds
s.writeMicroseconds(3000); print(s.read(), s.readMicroseconds()); delay(50)
t.write(90); print(t.read(), t.readMicroseconds()); delay(50)
s.detach(); print(s.attached()); delay(50)
""", b)
    check(rc == 0 and out == ["False 0 1 True 1500", "90 1472", "0 544", "1700", "180 2400", "90 1500", "False"],
          "Servo on %s: attach/attached/write (angle or us)/writeMicroseconds (clamped)/read/detach" % b, (out, err))
    ws = sorted(set(round(h / 1000) for h, p in periods(pads.get("D9", []))))
    ps = [p for h, p in periods(pads.get("D9", []))]
    check(ws == [1472, 1500, 2400] and all(abs(p - 20_000_000) < 20_000 for p in ps),
          "Servo on %s: 50 Hz pulses of the written widths on D9" % b, (ws, ps[:2]))
    d9 = pads.get("D9", [])
    check(d9 and d9[-1][1] == 0 and d9[-1][0] < 300_000_000, "Servo on %s: detach() stops the pulses, D9 low" % b,
          d9[-2:])
    ws6 = sorted(set(round(h / 1000) for h, p in periods(pads.get("D6", []))))
    check(ws6 == [1500], "Servo on %s: attach(6, 1000, 2000): 90 degrees is 1500 us" % b, ws6)

# --- Serial1, Wire, SPI on each board's pins -------------------------------------------------------
# A wire part from COPI to CIPO loops SPI back through the header pins; the
# sim's UART loopback and I2C memory answer the UART and I2C; the trace shows
# which pads each bus took.
BUS = """
from arduino import *
import sim
sim.i2c_memory(%(i2c)d, 0x50)
Wire.begin()
Wire.beginTransmission(0x50); Wire.write(0x10); Wire.write(b"abc"); print("wire", Wire.endTransmission(), end=" ")
Wire.beginTransmission(0x50); Wire.write(0x10); Wire.endTransmission(False)
print(Wire.requestFrom(0x50, 3), bytes(Wire.read() for i in range(3)), end=" ")
Wire.beginTransmission(0x51); print(Wire.endTransmission())
sim.uart_loopback(%(uart)d)
Serial1.begin(115200); Serial1.print("hi"); delay(5)
print("serial1", Serial1.available(), Serial1.readString())
SPI.begin(); SPI.beginTransaction(SPISettings(1000000, MSBFIRST, SPI_MODE0))
print("spi", SPI.transfer(0x5A), hex(SPI.transfer16(0xBEEF)))
"""
for b, ids, parts, pins in (
        ("nano-rp2040", {"i2c": 0, "uart": 0}, "wire D11 D12\n", {"A4", "A5", "D0", "D1", "D11", "D12", "D13"}),
        ("nano-esp32", {"i2c": 0, "uart": 1}, "wire D11 D12\n", {"A4", "A5", "D0", "D1", "D11", "D12", "D13"}),
        ("giga-r1", {"i2c": 2, "uart": 1}, None, {"D20", "D21", "D0", "D1"})):
    src = BUS % ids
    if b == "giga-r1":
        src = "import sim\nsim.spi_loopback(1)\n" + src  # SPI is the SPI header there (SPI1)
    rc, out, tr, pads, err = board(src, b, parts)
    check(rc == 0 and out == ["wire 0 3 b'abc' 2", "serial1 2 hi", "spi 90 0xbeef"],
          "Serial1, Wire, SPI on %s: data through each bus" % b, (out, err[-300:]))
    used = mode_lines(tr, pins)
    check(used == pins, "Serial1, Wire, SPI on %s: on the board's Arduino pins %s" % (b, sorted(pins)),
          sorted(used))

rc, out, tr, pads, err = board("""
from arduino import *
import sim
sim.i2c_memory(4, 0x51); sim.i2c_memory(1, 0x52)
for w, a in ((Wire1, 0x51), (Wire2, 0x52)):
    w.beginTransmission(a); w.write(0); print(w.endTransmission(), end=" ")
SPI1.begin(); print(SPI1.transfer(0x3C))
""", "giga-r1", "wire D11 D12\n")
check(rc == 0 and out == ["0 0 60"] and {"D8", "D9", "D11", "D12", "D13"} <= mode_lines(tr, pads.keys() | {"D8", "D9"}),
      "giga-r1: Wire1 (I2C4), Wire2 (D9/D8 = I2C1), SPI1 (D11..D13 = SPI5)", (out, err[-200:]))
rc, out, tr, pads, err = board("""
from arduino import *
Serial1.begin(9600, None, 4, 5)      # the ESP32 core's begin(baud, config, rxPin, txPin)
Serial1.write(b"U"); delay(3)
Serial0.begin(9600); Serial0.write(b"U"); delay(3)
""", "nano-esp32")
check(rc == 0 and {"D4", "D5", "D0", "D1"} <= mode_lines(tr, ["D4", "D5", "D0", "D1"]) and pads.get("D5") and pads.get("D1"),
      "nano-esp32: Serial1.begin(baud, config, rxPin, txPin) moves it (D4/D5); Serial0 is D0/D1", (tr[:6], err))

# --- Wire.endTransmission() 1: more than the buffer holds, nothing sent ----------------------------
rc, out, tr, pads, err = board("""
from arduino import *
import sim
sim.i2c_memory(0, 0x50)
Wire.beginTransmission(0x50); print(Wire.write(bytes(300)), Wire.endTransmission())
Wire.beginTransmission(0x50); Wire.write(1); print(Wire.endTransmission())
""")
starts = [l for l in tr if l.endswith("i2c0 start")]
check(rc == 0 and out == ["256 1", "0"] and len(starts) == 1,
      "Wire: 300 bytes -> write() returns 256, endTransmission() 1 and sends nothing; the next one 0", (out, starts))

# --- arduino.pitches ------------------------------------------------------------------------------
rc, out, tr, pads, err = board("""
import arduino.pitches as p
from arduino.pitches import *
names = [n for n in dir(p) if n.startswith("NOTE_")]
print(len(names), NOTE_B0, NOTE_FS2, NOTE_C4, NOTE_A4, NOTE_CS6, NOTE_DS8)
""")
check(rc == 0 and out == ["89 31 93 262 440 1109 4978"], "arduino.pitches: pitches.h's 89 notes", (out, err))

done()
