"""The I2C parts from the command line: bmp280 and ssd1306 in a parts file
answer machine.I2C / SoftI2C on their pads (scan, registers), a BMP280
reader written from the data sheet's formulas gets the parts file's values
back, a stimulus `set` changes later readings, and the PNG the ssd1306
writes decodes to exactly the pixels framebuf drew (through the frozen
ssd1306 driver)."""
import os
import re
import shutil
import struct
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cliutil import check, done, run, scratch  # noqa: E402

TMP, write = scratch("bb-i2cparts-")


def bb(*args):
    return run(["--speed", "max"] + list(args), timeout=60)


def png_decode(path):
    """(width, height, rows of gray bytes), checking every CRC and the
    zlib stream (Adler-32 included: zlib.decompress verifies it)."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "signature"
    at, idat, w, h = 8, b"", None, None
    while at < len(data):
        n, = struct.unpack(">I", data[at:at + 4])
        kind, body = data[at + 4:at + 8], data[at + 8:at + 8 + n]
        crc, = struct.unpack(">I", data[at + 8 + n:at + 12 + n])
        assert zlib.crc32(kind + body) == crc, "CRC of " + kind.decode()
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, _ = struct.unpack(">IIBBBBB", body)
            assert (depth, ctype) == (8, 0), "8-bit gray"
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
        at += 12 + n
    raw = zlib.decompress(idat)
    assert len(raw) == h * (w + 1)
    rows = []
    for y in range(h):
        line = raw[y * (w + 1):(y + 1) * (w + 1)]
        assert line[0] == 0, "filter None"
        rows.append(line[1:])
    return w, h, rows


# A BMP280 reader from the data sheet (3.11.3): calibration words, forced
# mode, integer compensation (32-bit temperature, 64-bit pressure).
READER = """
import struct
class BMP280:
    def __init__(self, i2c, addr=0x76):
        self.i2c, self.addr = i2c, addr
        c = i2c.readfrom_mem(addr, 0x88, 24)
        (self.T1, self.T2, self.T3, self.P1, self.P2, self.P3, self.P4, self.P5,
         self.P6, self.P7, self.P8, self.P9) = struct.unpack('<HhhHhhhhhhhh', c)
    def raw(self):
        d = self.i2c.readfrom_mem(self.addr, 0xF7, 6)
        return (d[3] << 12 | d[4] << 4 | d[5] >> 4), (d[0] << 12 | d[1] << 4 | d[2] >> 4)
    def compensate(self, adc_t, adc_p):
        v1 = (((adc_t >> 3) - (self.T1 << 1)) * self.T2) >> 11
        v2 = (((((adc_t >> 4) - self.T1) * ((adc_t >> 4) - self.T1)) >> 12) * self.T3) >> 14
        tf = v1 + v2
        t = (tf * 5 + 128) >> 8
        v1 = tf - 128000
        v2 = v1 * v1 * self.P6 + ((v1 * self.P5) << 17) + (self.P4 << 35)
        v1 = ((v1 * v1 * self.P3) >> 8) + ((v1 * self.P2) << 12)
        v1 = (((1 << 47) + v1) * self.P1) >> 33
        p = 1048576 - adc_p
        q = ((p << 31) - v2) * 3125
        p = q // v1 if q >= 0 else -((-q) // v1)
        v1 = (self.P9 * (p >> 13) * (p >> 13)) >> 25
        v2 = (self.P8 * p) >> 19
        p = ((p + v1 + v2) >> 8) + (self.P7 << 4)
        return t / 100, p / 256
    def forced(self, ctrl=0xB5):
        self.i2c.writeto_mem(self.addr, 0xF4, bytes([ctrl]))
        while self.i2c.readfrom_mem(self.addr, 0xF3, 1)[0] & 8:
            pass
        return self.compensate(*self.raw())
"""

# --- nano-rp2040: I2C(0) on A4/A5 finds both parts; the reader gets the values
PARTS = write("rp2.parts", """\
bmp280  bmp1  sda=A4 scl=A5 temperature=23.5 pressure=1001.5
ssd1306 oled  sda=A4 scl=A5
""")
SCRIPT = write("read.py", READER + """
from machine import I2C
import time
i2c = I2C(0)
print("scan", i2c.scan())
print("id", hex(i2c.readfrom_mem(0x76, 0xD0, 1)[0]))
b = BMP280(i2c)
t0 = time.ticks_us()
t, p = b.forced()
print("took_us", time.ticks_diff(time.ticks_us(), t0))
print("reading %.2f %.2f" % (t, p))
t, p = b.forced(0x25)   # x1/x1
print("x1 %.2f %.2f" % (t, p))
""")
rc, out, err = bb("--parts", PARTS, SCRIPT)
check(rc == 0, "rp2: script runs", (rc, out, err))
check("scan [60, 118]" in out, "rp2: I2C(0).scan() finds the ssd1306 and the bmp280", out)
check("id 0x58" in out, "rp2: chip id 0x58", out)
m = re.search(r"reading (\S+) (\S+)", out)
check(m and abs(float(m.group(1)) - 23.5) <= 0.01 and abs(float(m.group(2)) - 100150) <= 1,
      "rp2: datasheet integer formulas recover 23.5 degC / 1001.5 hPa at x16", out)
m = re.search(r"x1 (\S+) (\S+)", out)
check(m and abs(float(m.group(1)) - 23.5) <= 0.01 and abs(float(m.group(2)) - 100150) <= 2.62,
      "rp2: x1 oversampling within its resolution", out)
m = re.search(r"took_us (\d+)", out)
check(m and 65500 <= int(m.group(1)) < 70000, "rp2: x16/x16 forced measurement takes 65.5 ms (status polled)", out)

# --- rp2 trace: the transfers show on i2c0
rc, out, err = bb("--parts", PARTS, "--trace", "-", "-c",
                  "from machine import I2C\nI2C(0).readfrom_mem(0x76, 0xD0, 1)")
check(rc == 0 and re.search(r"i2c0 +addr 0x76 r ack", out) and re.search(r"i2c0 +read 0x58 nack", out),
      "rp2: the trace shows the register read", out[-600:])

# --- nano-esp32: I2C(0) (SCL 12 = A5, SDA 11 = A4) and a SoftI2C on other pins
PARTS32 = write("esp32.parts", """\
bmp280  bmp1  A4 A5 temperature=-5.25 pressure=850 address=0x77
ssd1306 oled  A4 A5
bmp280  bmp2  sda=D2 scl=D3 temperature=60
""")
SCRIPT32 = write("read32.py", READER + """
from machine import I2C, SoftI2C, Pin
i2c = I2C(0)
print("scan", i2c.scan())
print("reading %.2f %.2f" % BMP280(i2c, 0x77).forced())
soft = SoftI2C(scl=Pin(6), sda=Pin(5))
print("soft", soft.scan())
print("soft_reading %.2f %.2f" % BMP280(soft).forced())
""")
rc, out, err = bb("--board", "nano-esp32", "--parts", PARTS32, SCRIPT32)
check(rc == 0, "esp32: script runs", (rc, out, err))
check("scan [60, 119]" in out, "esp32: I2C(0) finds the display and the bmp280 at 0x77", out)
m = re.search(r"reading (\S+) (\S+)", out)
check(m and abs(float(m.group(1)) + 5.25) <= 0.01 and abs(float(m.group(2)) - 85000) <= 1,
      "esp32: -5.25 degC / 850 hPa read back", out)
check("soft [118]" in out, "esp32: SoftI2C on D2/D3 (GPIO5/6) finds the other bmp280", out)
m = re.search(r"soft_reading (\S+)", out)
check(m and abs(float(m.group(1)) - 60) <= 0.01, "esp32: 60 degC over SoftI2C", out)

# --- a stimulus changes the temperature at 1 s; normal mode follows
STIM = write("warm.stim", """\
@1s    set bmp1.temperature 30
@1.5s  expect bmp1.temperature 30
@1.5s  expect bmp1.mode normal
""")
SCRIPT_N = write("normal.py", READER + """
from machine import I2C
import time
i2c = I2C(0)
b = BMP280(i2c)
i2c.writeto_mem(0x76, 0xF5, bytes([0x20]))   # standby 62.5 ms, filter off
i2c.writeto_mem(0x76, 0xF4, bytes([0x57]))   # x2 / x16, normal mode
for k in range(8):
    time.sleep_ms(250)
    t, p = b.compensate(*b.raw())
    print("at %d ms: %.2f" % (time.ticks_ms(), t))
""")
rc, out, err = bb("--parts", PARTS, "--stimulus", STIM, SCRIPT_N)
check(rc == 0, "stimulus: checks pass", (rc, out, err))
vals = [(int(a), float(b)) for a, b in re.findall(r"at (\d+) ms: (\S+)", out)]
check(len(vals) == 8, "stimulus: 8 readings", out)
check(all(abs(v - 23.5) <= 0.01 for ms, v in vals if ms < 1000), "stimulus: 23.5 degC before 1 s", vals)
check(all(abs(v - 30) <= 0.01 for ms, v in vals if ms >= 1250), "stimulus: 30 degC after 1 s", vals)

# --- errors in the parts file
BAD = write("bad.parts", "bmp280 sda=A4 scl=A5\nbmp280 sda=A4 scl=A5\n")
rc, out, err = bb("--parts", BAD, "-c", "pass")
check(rc == 2 and "bad.parts:2: bmp280 bmp280_2: I2C address 0x76 is already taken on the bus of SDA" in err,
      "a second device at 0x76 on one bus: FILE:LINE error, status 2", (rc, err))
BAD = write("bad2.parts", "bmp280 A4 A5 pressure=50\n")
rc, out, err = bb("--parts", BAD, "-c", "pass")
check(rc == 2 and "bad2.parts:1: bmp280_1.pressure must be in 300..1100 hPa, not 50" in err,
      "pressure out of range: FILE:LINE error", (rc, err))

# --- ssd1306: the frozen driver draws with framebuf; the PNG has the same pixels
png = os.path.join(TMP, "screen.png")
snap = os.path.join(TMP, "snap.png")
PARTS_D = write("oled.parts", "ssd1306 oled sda=A4 scl=A5 png=%s\n" % png)
SCRIPT_D = write("draw.py", """
from machine import I2C
import ssd1306, framebuf, sim
d = ssd1306.SSD1306_I2C(128, 64, I2C(0))
print("fb", isinstance(d, framebuf.FrameBuffer))
d.fill(0)
d.text("Breadboard", 4, 2, 1)
d.rect(0, 0, 128, 64, 1)
d.fill_rect(10, 30, 20, 10, 1)
d.line(40, 30, 120, 60, 1)
d.text("OLED", 60, 20, 1)
d.show()
oled = sim.part("oled")
print("on", oled.on, "pixels", oled.pixels)
for y in range(64):
    print("row", "".join("1" if d.pixel(x, y) else "0" for x in range(128)))
print("text_same", oled.text == "".join(
    "".join("#" if d.pixel(x, y) else "." for x in range(128)) + "\\n" for y in range(64)))
d.invert(1)
print("inv_pixels", oled.pixels, oled.inverted)
d.invert(0)
d.contrast(40)
print("contrast", oled.contrast)
d.rotate(True)
oled.snapshot = %r
d.rotate(False)
d.poweroff()
print("off_pixels", oled.pixels, oled.on)
d.poweron()
""" % snap)
rc, out, err = bb("--parts", PARTS_D, SCRIPT_D)
check(rc == 0, "ssd1306: script runs", (rc, out, err))
check("fb True" in out, "ssd1306: SSD1306_I2C is a framebuf.FrameBuffer", out)
fb = [r for r in re.findall(r"^row ([01]+)$", out, re.M)]
lit = sum(r.count("1") for r in fb)
check(len(fb) == 64 and lit > 400, "ssd1306: framebuf drew the picture", lit)
check("on True pixels %d" % lit in out, "ssd1306: the part's lit pixel count equals framebuf's", out[:200])
check("text_same True" in out, "ssd1306: sim.part('oled').text is the framebuf picture", out[-300:])
check("inv_pixels %d True" % (128 * 64 - lit) in out, "ssd1306: invert(1) lights the complement", out[-300:])
check("contrast 40" in out, "ssd1306: contrast(40) reaches the part", out[-300:])
check("off_pixels 0 False" in out, "ssd1306: poweroff() darkens the panel", out[-300:])
try:
    w, h, rows = png_decode(png)
    same = all(rows[y][x] == (255 if fb[y][x] == "1" else 0) for y in range(64) for x in range(128))
    check((w, h) == (128, 64) and same, "ssd1306: the end-of-run PNG matches framebuf pixel for pixel")
    w, h, rows = png_decode(snap)
    same = all(rows[y][x] == (255 if fb[63 - y][127 - x] == "1" else 0) for y in range(64) for x in range(128))
    check(same, "ssd1306: rotate(True) snapshot is the picture turned 180 degrees")
except (OSError, AssertionError, zlib.error) as e:
    check(False, "ssd1306: PNG decodes", repr(e))

# --- 128x32 glass, scale 3, on the Pico's default I2C(0) pads (GPIO5 SCL, GPIO4 SDA)
png32 = os.path.join(TMP, "small.png")
PARTS_S = write("small.parts", "ssd1306 GPIO4 GPIO5 height=32 scale=3 png=%s\n" % png32)
SCRIPT_S = write("small.py", """
from machine import I2C
import ssd1306
d = ssd1306.SSD1306_I2C(128, 32, I2C(0))
d.text("Hi", 0, 0, 1)
d.hline(0, 31, 128, 1)
d.show()
for y in range(32):
    print("row", "".join("1" if d.pixel(x, y) else "0" for x in range(128)))
""")
rc, out, err = bb("--board", "rpi-pico", "--parts", PARTS_S, SCRIPT_S)
check(rc == 0, "pico 128x32: script runs", (rc, out, err))
fb = re.findall(r"^row ([01]+)$", out, re.M)
try:
    w, h, rows = png_decode(png32)
    same = len(fb) == 32 and all(rows[y][x] == (255 if fb[y // 3][x // 3] == "1" else 0)
                                 for y in range(96) for x in range(384))
    check((w, h) == (384, 96) and same, "pico 128x32: PNG at scale 3 matches framebuf")
except (OSError, AssertionError, zlib.error) as e:
    check(False, "pico 128x32: PNG decodes", repr(e))

shutil.rmtree(TMP, ignore_errors=True)
done()
