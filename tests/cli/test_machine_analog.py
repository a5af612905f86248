"""machine.ADC, PWM, Timer and Signal on the virtual board: ADC counts of
sim-set voltages (bd_adc's rounding), PWM as real edges in the trace and the
VCD (rp2's divider/TOP rounding, duty changes at the period boundary),
Timer callbacks as soft IRQs at exact virtual times, Signal inversion."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cliutil import Vcd, check, done, run, scratch, trace_edges  # noqa: E402

TMP, script = scratch("bb-analog-")


def adc_raw(uv, fs_uv, bits):
    """bd_adc.h: raw = floor(uv * 2^bits / fs + 1/2), clamped."""
    if uv <= 0:
        return 0
    return min((uv * 2 * (1 << bits) + fs_uv) // (2 * fs_uv), (1 << bits) - 1)


def u16(raw, bits):
    return ((raw << (16 - bits)) | (raw >> (2 * bits - 16))) & 0xFFFF if bits < 16 else raw


def vcd_changes(path, name):
    return Vcd(path).changes[name]


# --- ADC on rp2: exact counts, the temperature sensor, errors ----------------
volts = [0, 0.0004, 0.0008, 1.0, 1.65, 2.5, 3.3, 4.0]
rc, out, err = run(["--speed", "max", script("adc.py", """
import sim
from machine import ADC, Pin
a = ADC(Pin(26))
b = ADC(27)              # an int outside 0..4 is a pin on rp2
c = ADC(1)               # channel 1 = GPIO27
print(a, b, c)
for v in %r:
    sim.voltage(26, v)
    sim.voltage("A1", v)
    print(a.read_u16(), b.read_u16(), c.read_u16())
t = ADC(ADC.CORE_TEMP)
print(t, t.read_u16())
sim.temperature(50)
print(t.read_u16())
for x in (Pin(25), 5, "D13", 99):
    try:
        ADC(x)
    except ValueError as e:
        print("ValueError:", e)
print(hasattr(a, "read_uv"), Pin(26))
""" % (volts,))])
lines = out.splitlines()
check(rc == 0 and lines[0] == "<ADC channel=0> <ADC channel=1> <ADC channel=1>", "rp2 ADC by pin, number, channel", (out, err))
exp = []
for v in volts:
    r = u16(adc_raw(int(round(v * 1e6)), 3300000, 12), 12)
    exp.append("%d %d %d" % (r, r, r))
check(lines[1:1 + len(volts)] == exp, "rp2 ADC read_u16 of sim voltages: mid-tread 12-bit, bit-replicated", (lines, exp))
t27 = u16(adc_raw(706000, 3300000, 12), 12)
t50 = u16(adc_raw(706000 - (23000 * 1721 + 500) // 1000, 3300000, 12), 12)
check(lines[1 + len(volts)] == "<ADC channel=4> %d" % t27 and lines[2 + len(volts)] == str(t50),
      "rp2 ADC(4): the temperature sensor at 27 C and 50 C", (lines, t27, t50))
check(lines[3 + len(volts):] == ["ValueError: Pin doesn't have ADC capabilities"] * 3 +
      ["ValueError: invalid pin", "False Pin(GPIO26, mode=ALT, alt=31)"],
      "rp2 ADC errors, no read_uv, the pad taken from GPIO (funcsel NULL)", lines[3 + len(volts):])

# --- ADC on esp32: attenuation, read/read_uv -----------------------------------
rc, out, err = run(["--board", "nano-esp32", "--speed", "max", "-c", """
import sim
from machine import ADC, Pin
a = ADC(Pin(1), atten=ADC.ATTN_11DB)
sim.voltage(1, 1.55)
print(a, a.read(), a.read_u16(), a.read_uv())
a.atten(ADC.ATTN_0DB)
print(a.read(), a.read_u16(), a.read_uv())
try:
    ADC(Pin(21))
except ValueError as e:
    print(e)
"""])
r11 = adc_raw(1550000, 3100000, 12)
uv11 = (r11 * 3100000 + 2048) >> 12
check(rc == 0 and out.splitlines() == ["ADC(Pin(1), atten=3) %d %d %d" % (r11, u16(r11, 12), uv11),
                                       "4095 65535 %d" % ((4095 * 950000 + 2048) >> 12), "invalid pin"],
      "esp32 ADC: atten full scale, read/read_u16/read_uv, invalid pin", (out, err))

# --- ADC on stm32 (16-bit) ------------------------------------------------------
rc, out, err = run(["--board", "giga-r1", "--speed", "max", "-c", """
import sim, machine
from machine import ADC, Pin
a = ADC(Pin("PC4"))
sim.voltage("PC4", 1.65)
print(a.read_u16(), hasattr(machine, "PWM"))
"""])
check(rc == 0 and out == "%d False\n" % adc_raw(1650000, 3300000, 16), "stm32 ADC 16-bit; no machine.PWM on stm32",
      (out, err))

# --- PWM on nano-rp2040: 1 kHz 50 %, edges in the trace and the VCD -------------
trace = os.path.join(TMP, "pwm.trace")
vcd = os.path.join(TMP, "pwm.vcd")
rc, out, err = run(["--speed", "max", "--trace", trace, "--vcd", vcd, script("pwm.py", """
import time, sim
from machine import Pin, PWM
p = PWM(Pin(25), freq=1000, duty_u16=32768)
print(p, p.freq(), p.duty_u16(), p.duty_ns())
time.sleep_us(3200)
print(sim.now_us())
p.duty_u16(16384)              # mid-period: takes effect at the next wrap
print(p.duty_u16())
time.sleep_us(2800)
p.deinit()
time.sleep_ms(2)
try:
    p2 = PWM(Pin(2), freq=1)
except ValueError as e:
    print(e)
""")])
with open(trace) as f:
    ttext = f.read()
# rp2 rule for 1 kHz at 125 MHz: div16 = ceil(16 clk / (65534 f)) = 31, top = round(16 clk / (31 f)) - 1
div16, top = 31, 64515
tick_ns = div16 / 16 * 8  # 15.5 ns
period = (top + 1) * tick_ns  # 999998 ns exactly
cc50 = (32768 * (top + 1) + 32767) // 65535
cc25 = (16384 * (top + 1) + 32767) // 65535
lines = out.splitlines()
check(rc == 0 and lines[0] == "<PWM slice=4 channel=1 invert=0> 1000 32768 %d" % int(cc50 * tick_ns + 0.5),
      "PWM repr, freq(), duty_u16(), duty_ns() read back", (out, err))
check(lines[-1] == "freq too small", "PWM(freq=1) on rp2: freq too small", lines)
ev = trace_edges(ttext, "D2")
rises = [t for t, v in ev if v == 1]
falls = [t for t, v in ev if v == 0]
t0 = rises[0] if rises else 0
check(len(rises) >= 6 and all(rises[k] == t0 + int(k * period) for k in range(6)),
      "PWM rising edges every period (999.998 us, rp2 rounding of 1 kHz)", rises)
change_us = int(lines[1])
k_change = int((change_us * 1000 - t0) // period)  # the period in progress at the change
highs = [f - r for r, f in zip(rises, falls)]
ok = True
for k, h in enumerate(highs[:6]):
    want = cc50 * tick_ns if k <= k_change else cc25 * tick_ns
    if abs(h - want) >= 1.0:
        ok = False
check(ok and k_change == 3 and len(highs) >= 6, "PWM 50 %% high 0.5 ms; duty change at the period boundary",
      (highs, k_change, cc50 * tick_ns, cc25 * tick_ns))
check(lines[2] == str((cc25 * 65535 + (top + 1) // 2) // (top + 1)), "duty_u16() reads the new value at once", lines)
vev = vcd_changes(vcd, "D2")
check([t for t, v in vev if v == 1][:6] == rises[:6] and [t for t, v in vev if v == 0][:5] == falls[:5],
      "the VCD holds the same PWM edges", (vev[:12], ev[:12]))
check(not [t for t, v in ev if t > t0 + 6 * period + 100000], "no edges after deinit()", ev[-3:])

# --- Timer: periodic at 10 Hz, one-shot, soft IRQ at exact virtual times --------
rc, out, err = run(["--speed", "max", script("timer.py", """
import time, gc
from machine import Timer
ticks = []
t0 = time.ticks_us()
tim = Timer(mode=Timer.PERIODIC, freq=10, callback=lambda t: ticks.append(time.ticks_us()))
print(tim)
time.sleep(1.05)
tim.deinit()
print(len(ticks), ticks[0] - t0, [b - a for a, b in zip(ticks, ticks[1:])])
time.sleep(0.5)
print(len(ticks))
one = []
Timer(-1, mode=Timer.ONE_SHOT, period=100, callback=lambda t: one.append(t))
gc.collect()                     # not referenced by the script: still runs
time.sleep(0.5)
print(len(one), one[0])
per = []
t1 = Timer(period=3, tick_hz=1000, callback=lambda t: per.append(1))
time.sleep_ms(31)
t1.deinit()
print(len(per), Timer.ONE_SHOT, Timer.PERIODIC)
try:
    Timer(0)
except ValueError as e:
    print(e)
""")])
lines = out.splitlines()
check(rc == 0 and lines[0] == "Timer(mode=PERIODIC, tick_hz=1000000, period=100000)", "rp2 Timer repr", (out, err))
m = re.match(r"(\d+) (\d+) \[(.*)\]$", lines[1]) if len(lines) > 1 else None
check(m and m.group(1) == "10" and m.group(3) == ", ".join(["100000"] * 9) and 100000 <= int(m.group(2)) < 100050,
      "Timer 10 Hz: 10 callbacks in 1 s, exactly 100 ms apart", lines[1:2])
check(lines[2:] == ["10", "1 Timer(mode=ONE_SHOT, tick_hz=1000000, period=100000)", "10 0 1", "Timer doesn't exist"],
      "deinit stops; one-shot fires once (and survives gc); Timer(0) on rp2", lines[2:])

# --- esp32 and stm32 timers ------------------------------------------------------
rc, out, err = run(["--board", "nano-esp32", "--speed", "max", "-c", """
import time
from machine import Timer
n = []
t = Timer(0, period=100, callback=lambda t: n.append(1))
time.sleep(1.01)
print(len(n))
"""])
check(rc == 0 and out == "10\n", "esp32 hardware Timer(0)", (out, err))

# --- Signal --------------------------------------------------------------------
rc, out, err = run(["--speed", "max", "-c", """
from machine import Pin, Signal
p = Pin(3, Pin.OUT)
s = Signal(p, invert=True)
s.on(); print(p.value(), s.value(), s())
s.off(); print(p.value(), s.value(), s())
s(1); print(p.value())
s.value(0); print(p.value())
n = Signal(4, Pin.OUT)
n.on(); print(Pin(4).value())
i = Signal(5, Pin.OUT, invert=True)
i.off(); print(Pin(5).value())
try:
    Signal("NOPE")
except ValueError as e:
    print(e)
"""])
check(rc == 0 and out == '0 1 1\n1 0 0\n0\n1\n1\n1\nunknown named pin "NOPE"\n', "Signal: invert, value/on/off/call, Pin args",
      (out, err))

done()
