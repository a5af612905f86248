"""pyb on the STM32 boards (giga-r1, portenta-h7): Timer PWM as real edges on
the pin's timer channel (PC6 = TIM3_CH1; pulse_width in timer ticks,
pulse_width_percent in %), Timer callbacks, LED (active low), the virtual
clock functions, and ImportError on the other boards."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cliutil import check, done, run, scratch, trace_edges  # noqa: E402

TMP, script = scratch("bb-pyb-")


def shape(edges):
    """-> (periods, highs) in ns between complete cycles."""
    rises = [t for t, v in edges if v == 1]
    periods = [b - a for a, b in zip(rises, rises[1:])]
    highs, start = [], None
    for t, v in edges:
        if v == 1:
            start = t
        elif start is not None:
            highs.append(t - start)
    return periods, highs


def traced(src, board="giga-r1", until="20ms"):
    tr = os.path.join(TMP, "trace.txt")
    rc, out, err = run(["--board", board, "--speed", "max", "--until", until, "--trace", tr,
                        script("s.py", src + "\nimport pyb\npyb.delay(30)\n")])
    with open(tr) as f:
        return rc, out, err, f.read()


# --- Timer PWM, pulse_width_percent: 1 kHz, 500 us high
rc, out, err, tr = traced("""
from pyb import Pin, Timer
t = Timer(3, freq=1000)
ch = t.channel(1, Timer.PWM, pin=Pin('PC6'), pulse_width_percent=50)
print(t.prescaler(), t.period(), t.freq(), ch.pulse_width(), ch.pulse_width_percent())
""")
check(rc == 0 and out == "4 47999 1000 24000 50.0\n",
      "Timer(3, freq=1000): prescaler 4, period 47999 (240 MHz timer clock), 50 % = 24000 ticks", (rc, out, err))
periods, highs = shape(trace_edges(tr, "PC6"))
# the first pulse starts at channel(), mid-period (tests/cli/test_pwm_start.py): whole periods after it
periods, highs = periods[1:], highs[1:]
check(len(periods) >= 15 and all(p == 1_000_000 for p in periods), "PC6 edges at exactly 1 kHz", periods[:5])
check(len(highs) >= 15 and all(h == 500_000 for h in highs), "PC6 high 500 us per period", highs[:5])

# --- pulse_width is timer ticks: 50 ticks of (PSC + 1) / 240 MHz = 50 * 20.833 ns
rc, out, err, tr = traced("""
from pyb import Pin, Timer
pin1 = Pin("PC6", Pin.OUT_PP, Pin.PULL_NONE)
timer1 = Timer(3, freq=1000)
channel1 = timer1.channel(1, Timer.PWM, pin=pin1, pulse_width=0)
channel1.pulse_width(50)
print(channel1.pulse_width())
""")
periods, highs = shape(trace_edges(tr, "PC6"))
tick_ns = 5 * 1e9 / 240e6
check(rc == 0 and out == "50\n", "pulse_width(50) reads back 50", (rc, out, err))
check(len(highs) >= 15 and all(abs(h - 50 * tick_ns) <= 1 for h in highs),
      "pulse_width=50 is 50 ticks high (~1.042 us), not 50 %", highs[:5])
check(len(periods) >= 15 and all(p == 1_000_000 for p in periods), "still 1 kHz", periods[:5])

# --- prescaler/period given directly; PWM_INVERTED
rc, out, err, tr = traced("""
from pyb import Pin, Timer
t = Timer(3, prescaler=239, period=999)   # 1 MHz ticks, 1 ms period
ch = t.channel(1, Timer.PWM_INVERTED, pin=Pin('PC6'), pulse_width=250)
print(t.freq())
""")
periods, highs = shape(trace_edges(tr, "PC6"))
check(rc == 0 and out == "1000\n", "prescaler=239, period=999 is 1 kHz", (rc, out, err))
check(len(highs) >= 15 and all(h == 750_000 for h in highs), "PWM_INVERTED: high 750 us", highs[:5])

# --- Timer callback: periodic soft IRQ
rc, out, err = run(["--board", "giga-r1", "--speed", "max", "-c", """
import pyb
n = []
t = pyb.Timer(2, freq=100, callback=lambda tm: n.append(pyb.millis()))
pyb.delay(105)
t.deinit()
pyb.delay(50)
print(len(n), n[:3])
"""])
check(rc == 0 and out.startswith("10 ["), "Timer(2, freq=100, callback=) fires 10 times in 105 ms", (rc, out, err))

# --- LED: active low, on/off/toggle edges
rc, out, err, tr = traced("""
import pyb
led = pyb.LED(1)
led.on(); pyb.delay(5); led.off(); pyb.delay(5); led.toggle(); pyb.delay(5)
print(led.intensity(), pyb.LED(1) is led)
""")
e = trace_edges(tr, "LEDR")
lv = [v for t, v in e]
check(rc == 0 and out == "255 True\n", "LED intensity / singleton", (rc, out, err))
check(lv == [1, 0, 1, 0], "LED(1) = LEDR: off (high), on (low), off, toggle on", e)
check(len(e) == 4 and abs((e[2][0] - e[1][0]) - 5_000_000) < 10_000, "on for 5 ms", e)

# --- clock: delay, millis, micros, elapsed_*
rc, out, err = run(["--board", "portenta-h7", "--speed", "max", "-c", """
import pyb
s = pyb.millis(); u = pyb.micros()
pyb.delay(250)
a = pyb.elapsed_millis(s); b = pyb.elapsed_micros(u)
pyb.udelay(300)
print(a, 250000 <= b < 250100, pyb.millis() - s)
"""])
check(rc == 0 and out == "250 True 250\n", "delay(250) is exactly 250 ms on the virtual clock", (rc, out, err))

# --- Pin is machine.Pin; constants; name()
rc, out, err = run(["--board", "giga-r1", "--speed", "max", "-c", """
import pyb, machine
p = pyb.Pin('PC6', pyb.Pin.OUT_PP)
p.high(); a = p.value(); p.low()
print(pyb.Pin is machine.Pin, p.name(), a, p.value(), pyb.Pin.IN, pyb.Pin.OUT_OD, pyb.Pin.AF_PP, pyb.Pin.PULL_UP)
"""])
check(rc == 0 and out == "True C6 1 0 0 17 2 1\n", "pyb.Pin is machine.Pin, name(), high/low", (rc, out, err))

# --- ADC: 12-bit read()
rc, out, err = run(["--board", "giga-r1", "--speed", "max", "-c", """
import pyb, sim
a = pyb.ADC('PC0')
sim.voltage('PC0', 1.65); x = a.read()
sim.voltage('PC0', 3.3); y = a.read()
sim.voltage('PC0', 0); print(x, y, a.read())
"""])
check(rc == 0 and out == "2048 4095 0\n", "pyb.ADC(pin).read() is 12 bits", (rc, out, err))

# --- errors
rc, out, err = run(["--board", "giga-r1", "--speed", "max", "-c", """
import pyb
try:
    pyb.Timer(3, freq=1000).channel(2, pyb.Timer.PWM, pin=pyb.Pin('PC6'))
except ValueError as e:
    print('ValueError')
"""])
check(rc == 0 and out == "ValueError\n", "a pin without TIM3_CH2 is a ValueError", (rc, out, err))

# --- not on the other boards
for board in ("nano-rp2040", "nano-esp32"):
    rc, out, err = run(["--board", board, "--speed", "max", "-c", """
try:
    import pyb
except ImportError as e:
    print(e)
import sys
print('pyb' in sys.modules)
"""])
    check(rc == 0 and out == "no module named 'pyb'\nFalse\n", "import pyb on %s: ImportError" % board, (rc, out, err))

done()
