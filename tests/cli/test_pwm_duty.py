"""esp32 machine.PWM's older API and frequency range (esp32 quickref):
duty([d]) 0..1023 as a ratio d/1023 of duty_u16, the duty= keyword, and
freq from 1 Hz to 40 MHz (below 4.8 Hz the LEDC timer runs from its slow
clock); rp2 has no duty(). Checked through readbacks and the pad's edges
in the trace."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cliutil import check, done, run, scratch, trace_edges  # noqa: E402

TMP, script = scratch("bb-pwmduty-")


def bb(src, board="nano-esp32", *opts):
    return run(["--board", board, "--speed", "max"] + list(opts) + [script("s.py", src)])


rc, out, err = bb("""
from machine import Pin, PWM
p = PWM(Pin(5), freq=20000, duty=512)
print(p.duty(), p.duty_u16())
for d in (256, 1023, 0, 1):
    p.duty(d)
    print(d, p.duty(), p.duty_u16())
p.duty_u16(49152)
print(p.duty())
p.init(duty=100)
print(p.duty())
for bad in (-1, 1024):
    try:
        p.duty(bad)
    except ValueError as e:
        print(e)
""")
lines = out.splitlines()
check(rc == 0 and lines[0] == "512 32799", "PWM(pin, freq=, duty=512): duty() 512, duty_u16 512*65535/1023", (out, err))
# 20 kHz: 80 MHz / 20 kHz = 4000 -> 11 bits; duty_u16 is read back from the 11-bit compare value
check(lines[1:5] == ["256 256 16384", "1023 1023 65535", "0 0 0", "1 1 64"],
      "duty(d) sets duty_u16 = d*65535/1023 (11-bit LEDC rounding), duty() reads it back /1023", lines)
check(lines[5:7] == ["767", "100"], "duty() follows duty_u16(); init(duty=)", lines)
check(lines[7:] == ["duty must be from 0 to 1023"] * 2, "duty outside 0..1023: ValueError", lines)

# 1 Hz (the quickref's minimum), 25 % duty: high 0.25 s every second
tr = os.path.join(TMP, "p.trace")
rc, out, err = bb("""
from machine import Pin, PWM
import time
p = PWM(Pin(5), freq=1, duty=256)
print(p.freq())
for f in (2, 4, 40_000_000):
    p.freq(f)
    print(p.freq())
p.freq(1)
time.sleep_ms(3100)
try:
    p.freq(40_000_001)
except ValueError as e:
    print(e)
""", "nano-esp32", "--trace", tr)
check(rc == 0 and out == "1\n2\n4\n40000000\nfreq too large\n", "esp32 freq 1 Hz .. 40 MHz accepted, above: error",
      (out, err))
ed = trace_edges(open(tr).read(), "D2")
rises = [t for t, v in ed if v == 1]
highs = [t2 - t1 for (t1, v1), (t2, v2) in zip(ed, ed[1:]) if v1 == 1 and v2 == 0]
check(len(rises) >= 3 and all(abs((b - a) - 1_000_000_000) < 1000 for a, b in zip(rises[-3:], rises[-2:])),
      "1 Hz on the pad: rising edges 1 s apart", rises)
check(highs and all(abs(h - 250_244_140) < 2000 for h in highs[-2:]), "25 % (256/1023, 14-bit) high time", highs)

rc, out, err = bb("from machine import Pin, PWM\nprint(hasattr(PWM, 'duty'))\nPWM(Pin(2), freq=100, duty=5)\n", "rpi-pico")
check(out == "False\n" and "TypeError: extra keyword arguments given" in err, "rp2: no duty() nor duty=", (out, err))
done()
