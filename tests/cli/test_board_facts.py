"""The board facts re-checked against documentation (docs/board-facts.md):
each check runs a script on the board and asserts what the documents say
the real firmware does, so a regression to the old, unsourced behaviour
fails here.  Sources are named next to each check."""
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cliutil import check, done, run  # noqa: E402

TMP = tempfile.mkdtemp(prefix="bb-facts-")


def bb(src, *opts, board=None):
    p = os.path.join(TMP, "s.py")
    with open(p, "w") as f:
        f.write(src)
    args = ["--speed", "max"] + (["--board", board] if board else []) + list(opts) + [p]
    return run(args)


def lines(out):
    return out.splitlines()


# --- Nano RP2040 Connect LED names (MicroPython issue #13272) ---------------
rc, out, err = bb("""
import sim
from machine import Pin
for name in ("LED", "LED_RED", "LED_GREEN", "LED_BLUE"):
    Pin(name, Pin.OUT, value=1)
print(sim.level("LEDR"), sim.level("LEDG"), sim.level("LEDB"), sim.level("D13"))
for name in ("LED_BUILTIN", "LEDR", "D0"):
    try:
        Pin(name)
        print("ok", name)
    except ValueError as e:
        print(e)
""")
check(rc == 0 and lines(out) == ["1 1 1 1", 'unknown named pin "LED_BUILTIN"', 'unknown named pin "LEDR"',
                                 'unknown named pin "D0"'],
      "nano-rp2040: Pin() takes LED, LED_RED/GREEN/BLUE; LED_BUILTIN, LEDR and D0 are ValueErrors",
      (out, err))

# --- rp2 Pin constants: no level triggers, no drive constants (issue #14068) --
rc, out, err = bb("""
from machine import Pin
print(Pin.IRQ_FALLING, Pin.IRQ_RISING, Pin.IN, Pin.OUT, Pin.OPEN_DRAIN, Pin.ALT, Pin.PULL_UP, Pin.PULL_DOWN)
print([n for n in ("IRQ_LOW_LEVEL", "IRQ_HIGH_LEVEL", "DRIVE_0") if hasattr(Pin, n)])
print(repr(Pin(5)))
""")
check(rc == 0 and lines(out) == ["4 8 0 1 2 3 1 2", "[]", "Pin(GPIO5, mode=ALT, pull=PULL_DOWN, alt=31)"],
      "rp2 Pin constants as dir(machine.Pin) on the firmware; reset pads ALT/PULL_DOWN/alt=31", (out, err))
rc, out, err = bb("""
import sim
from machine import Pin
hits = []
p = Pin(3, Pin.IN, Pin.PULL_UP)
p.irq(lambda q: hits.append(1), 1)      # the RP2040's LEVEL_LOW bit, given raw
sim.drive(3, 0); sim.advance(100); sim.drive(3, 1); sim.advance(100)
print(len(hits) > 0)
""")
check(rc == 0 and out == "True\n", "rp2: a raw level trigger (1) still fires", (out, err))
rc, out, err = bb("""
from machine import Pin
print([hasattr(Pin, "DRIVE_%d" % i) for i in range(4)])
""", board="nano-esp32")
check(rc == 0 and out == "[True, True, True, True]\n", "esp32 has Pin.DRIVE_0..3 (esp32 quickref)", (out, err))

# --- time Epoch per port (MicroPython time docs) ------------------------------
TIME = """
import time
print(time.gmtime(0)[0], time.mktime((2000, 1, 1, 0, 0, 0, 0, 0)), time.mktime((2021, 1, 1, 0, 0, 0, 0, 0)))
t = time.time()
print(time.mktime(time.localtime()) == t, time.gmtime(t) == time.localtime(), time.time_ns() // 10**9 == t)
"""
rc, out, err = bb(TIME)
check(rc == 0 and lines(out) == ["1970 946684800 1609459200", "True True True"],
      "rp2: Epoch 1970-01-01 (time docs; issue #6873)", (out, err))
rc, out, err = bb("import time\nprint(time.time(), time.localtime()[:3])\n")
check(rc == 0 and out == "1609459200 (2021, 1, 1)\n", "rp2: RTC at 2021-01-01 after reset (issue #13506)",
      (out, err))
for b in ("nano-esp32", "giga-r1", "portenta-h7"):
    rc, out, err = bb(TIME, board=b)
    check(rc == 0 and lines(out) == ["2000 0 662774400", "True True True"],
          "%s: Epoch 2000-01-01 (time docs: 'the other embedded ports')" % b, (out, err))
rc, out, err = bb("import time\nprint(time.mktime((2000, 1, 1, 0, 0, 0, 0, 0)), time.gmtime(86400)[:3])\n",
                  board="nano-esp32")
check(rc == 0 and out == "0 (2000, 1, 2)\n", "esp32: mktime/gmtime count from 2000", (out, err))

# --- ADC --------------------------------------------------------------------
rc, out, err = bb("""
from machine import ADC, Pin
a = ADC(0)            # a channel number: the pad is left alone (rp2 quickref)
b = ADC(Pin(27))      # a Pin: the pad goes high-Z (analog)
""", "--trace", "-")
check(rc == 0 and not re.search(r"A0 mode ANALOG", out) and re.search(r"A1 mode ANALOG", out),
      "rp2: ADC(channel) does not configure the pad, ADC(Pin) does", (out, err))
rc, out, err = bb("""
import sim
from machine import ADC
sim.temperature(40.0)
v = ADC(ADC.CORE_TEMP).read_u16() * 3.3 / 65535
t = 27 - (v - 0.706) / 0.001721           # RP2040 datasheet 4.9.5
print(abs(t - 40) < 0.6, ADC(0).read_u16() <= 65535)
a = ADC(2)
sim.voltage("A2", 3.3)
print(a.read_u16())
""")
check(rc == 0 and lines(out) == ["True True", "65535"],
      "rp2 temperature formula recovers the die temperature; full scale reads 65535 (ADC docs)", (out, err))
rc, out, err = bb("""
import sim
from machine import ADC, Pin
a = ADC(Pin(1), atten=ADC.ATTN_11DB)
for mv in (0, 1550, 3100, 3300):
    sim.voltage(1, mv / 1000)
    print(a.read(), end=" ")
a.atten(ADC.ATTN_0DB)
sim.voltage(1, 0.95)
print(a.read())
""", board="nano-esp32")
check(rc == 0 and out == "0 2048 4095 4095 4095\n",
      "ESP32-S3 attenuation ranges 0-3100 mV (11 dB) and 0-950 mV (0 dB), 12-bit read() (ESP-IDF S3 ADC)",
      (out, err))

# --- PWM --------------------------------------------------------------------
rc, out, err = bb("""
import sim
from machine import Pin, PWM
p = PWM(Pin(2))
p.duty_u16(32768)
sim.advance(5000)
print(p.freq(), sim.edges(2))          # no frequency yet: no signal (issue #13600, PR #10850)
p.freq(1000)
sim.advance(5000)
print(p.freq(), sim.edges(2) >= 9)
for f in (8, 62_500_000, 7):
    try:
        p.freq(f); print(p.freq())
    except ValueError as e:
        print(e)
""")
check(rc == 0 and lines(out) == ["0 0", "1000 True", "8", "62500000", "freq too small"],
      "rp2 PWM: silent and freq() 0 until a frequency is set; 8 Hz .. 62.5 MHz (rp2 quickref)", (out, err))
rc, out, err = bb("""
import sim
from machine import Pin, PWM
p = PWM(Pin(5))
print(p)
sim.advance(2000)
print(sim.edges(5) >= 15)
q = PWM(Pin(6), duty_u16=0)
sim.advance(2000)
print(q.duty_u16(), sim.edges(6))
p.freq(1000)
print(p.duty_u16())
""", board="nano-esp32")
check(rc == 0 and lines(out) == ["PWM(Pin(5), freq=5000, duty_u16=32768)", "True", "0 0", "32768"],
      "esp32 PWM starts at once at 5 kHz, 50 % (PR #10854); duty kept across freq changes", (out, err))

# --- buses: rp2 clk_peri is 48 MHz (rp2 quickref) ---------------------------------
rc, out, err = bb("""
from machine import SPI, I2C, UART
print(SPI(0))
print(SPI(1, baudrate=10_000_000))
print(I2C(0))
""", board="rpi-pico")
check(rc == 0 and lines(out) == [
    "SPI(0, baudrate=1000000, polarity=0, phase=0, bits=8, sck=18, mosi=19, miso=16)",
    "SPI(1, baudrate=8000000, polarity=0, phase=0, bits=8, sck=10, mosi=11, miso=8)",
    "I2C(0, freq=400000, scl=5, sda=4, timeout=50000)"],
    "Pico bus defaults (PR #9224, docs PR #19232, rp2 quickref) and rates from the 48 MHz clk_peri",
    (out, err))

done()
