"""The virtual board from the command line: --board/--speed/--until/--vcd/
--trace, machine.Pin with soft IRQs, time on the virtual clock, the sim
module.  The VCD output is read back with cliutil.Vcd and its structure
checked here."""
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cliutil import SANITIZER, Vcd, check, done, run, scratch  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BLINK = os.path.join(ROOT, "examples", "blink.py")
TMP, script = scratch("bb-board-")


def parse_vcd(path):
    """-> ({name: id}, {name: [(time_ns, value)] after $dumpvars}, end_time).
    Checks the structure GTKWave needs: header sections, time order."""
    with open(path) as f:
        assert "$enddefinitions $end" in f.read(), "no $enddefinitions"
    v = Vcd(path)
    assert re.search(r"\$timescale\s+1ns\s+\$end", v.head), "timescale"
    assert v.times == sorted(v.times), "time goes backwards"
    return v.ids, v.changes, v.times[-1] if v.times else -1


# --- blink: edges at 0.5 s steps, in the VCD and in the trace --------------
vcd = os.path.join(TMP, "blink.vcd")
trace = os.path.join(TMP, "blink.trace")
rc, out, err = run(["--speed", "max", "--until", "2s", "--vcd", vcd, "--trace", trace, BLINK])
check(rc == 0, "blink --until 2s exits 0", (rc, err))
names, changes, end = parse_vcd(vcd)
check("D13" in names, "VCD names the LED pad by its board label", names)
edges = changes.get("D13", [])
vals = [v for _, v in edges]
times = [t for t, _ in edges]
check(len(edges) == 4 and vals == [1, 0, 1, 0], "four LED edges in 2 s, alternating", edges)
steps = [b - a for a, b in zip(times, times[1:])]
check(all(abs(s - 500_000_000) < 100_000 for s in steps), "LED edges 0.5 s apart", steps)
check(times and times[0] < 1_000_000, "first edge right at start", times)
check(end == 2_000_000_000, "VCD ends at --until", end)
with open(trace) as f:
    tr = f.read().splitlines()
check(any(l.endswith("D13 mode OUT pull NONE") for l in tr), "trace logs the configuration", tr[:3])
hl = [l for l in tr if l.endswith((" high", " low"))]
check(len(hl) == 4 and re.match(r"^0\.\d{9} D13 high$", hl[0]), "trace logs each edge with its time", hl)

# same trace at --speed 1 (deterministic whatever the pacing)
vcd1 = os.path.join(TMP, "blink1.vcd")
t0 = time.time()
rc, out, err = run(["--until", "1200ms", "--vcd", vcd1, BLINK])
wall = time.time() - t0
_, ch1, _ = parse_vcd(vcd1)
check(rc == 0 and list(ch1.values())[0] == edges[:3], "--speed 1 gives the same edges", (ch1, edges))
check(wall >= 1.0 or SANITIZER, "--speed 1 takes real time", wall)

# --- --until ends long sleeps promptly ---------------------------------------
p = script("hour.py", "import time\nwhile True:\n    time.sleep(3600)\n")
t0 = time.time()
rc, out, err = run(["--speed", "max", "--until", "3600s", p])
wall = time.time() - t0
check(rc == 0 and out == "" and err == "", "--until 3600s exits 0 quietly", (rc, out, err))
check(wall < 1.0 or SANITIZER, "an hour of virtual sleep in under 1 s", wall)
p = script("busy.py", "n = 0\nwhile True:\n    n += 1\n")
rc, out, err = run(["--speed", "max", "--until", "50ms", p], timeout=20)
check(rc == 0, "--until ends a busy loop (CPU time model)", (rc, err))
p = script("swallow.py", "import time\nwhile True:\n    try:\n        time.sleep(1)\n    except BaseException:\n        pass\n")
rc, out, err = run(["--speed", "max", "--until", "2s", p], timeout=20)
check(rc == 0 and "ignored SystemExit" in err, "--until stops a script that swallows SystemExit", (rc, err))

# --- time on the virtual clock -------------------------------------------------
rc, out, err = run(["--speed", "max", "-c", """
import time
t0 = time.ticks_ms(); time.sleep_ms(1234); print(time.ticks_diff(time.ticks_ms(), t0))
t0 = time.ticks_ms(); time.sleep(2.5); print(time.ticks_diff(time.ticks_ms(), t0))
t0 = time.ticks_us(); time.sleep_us(700); d = time.ticks_diff(time.ticks_us(), t0); print(700 <= d < 720)
print(time.time() >= 1609459200, type(time.time()).__name__, time.gmtime()[:3])
t0 = time.ticks_ms()
while time.ticks_diff(time.ticks_ms(), t0) < 20: pass
print("busy wait ends")
"""])
check(rc == 0 and out == "1234\n2500\nTrue\nTrue int (2021, 1, 1)\nbusy wait ends\n",
      "ticks advance by exactly the slept amount; RTC from 2021-01-01", (out, err))

# --- Pin, IRQ, sim -------------------------------------------------------------
rc, out, err = run(["--speed", "max", "-c", """
import sim
from machine import Pin
n = [0]
def h(p):
    n[0] += 1
btn = Pin("D3", Pin.IN, Pin.PULL_UP)
btn.irq(h, Pin.IRQ_FALLING)
for i in range(5):
    sim.drive("D3", 0); sim.advance(100)
    sim.drive("D3", 1); sim.advance(100)
print(n[0], btn.value(), sim.level("D3"))
m = []
btn.irq(lambda p: m.append(p.value()), Pin.IRQ_RISING | Pin.IRQ_FALLING)
sim.drive(btn, 0); sim.advance(10); sim.drive(btn, 1); sim.advance(10)
print(m)
btn.irq(None)
sim.drive(btn, 0); sim.advance(10)
print(len(m))
sim.drive("D3", None); print(btn.value())
led = Pin("LED", Pin.OUT)
for i in range(6): led.toggle()
print(sim.edges("D13"), led, Pin(6) is led)
"""])
check(rc == 0 and out == "5 1 1\n[0, 1]\n2\n1\n6 Pin(GPIO6, mode=OUT) True\n",
      "Pin.irq handler runs once per edge, as a soft IRQ", (out, err))

rc, out, err = run(["--speed", "max", "-c", """
import sim, machine
from machine import Pin
echo = Pin(16, Pin.IN)
sim.drive(16, 0)
sim.pulse(16, 1500, delay_us=300)
print(machine.time_pulse_us(echo, 1))
print(machine.time_pulse_us(echo, 1, 1000))
sim.drive(16, 1)
print(machine.time_pulse_us(echo, 1, 500))
"""])
check(rc == 0 and out == "1500\n-2\n-1\n", "time_pulse_us measures a sim pulse", (out, err))

rc, out, err = run(["-c", """
from machine import Pin
for a in (99, "NOPE", "D0", -1):
    try:
        Pin(a)
    except ValueError as e:
        print(e)
print(Pin(25))
"""])
check(rc == 0 and out == 'invalid pin\nunknown named pin "NOPE"\nunknown named pin "D0"\ninvalid pin\n'
      'Pin(GPIO25, mode=ALT, pull=PULL_DOWN, alt=31)\n', "invalid pins: the rp2 port's ValueErrors", (out, err))

# --- boards ----------------------------------------------------------------------
rc, out, err = run(["--board", "list"])
check(rc == 0 and "nano-rp2040" in out and "(default)" in out and len(out.splitlines()) >= 5,
      "--board list", out)
for board, plat in (("nano-rp2040", "rp2"), ("rpi-pico", "rp2"), ("nano-esp32", "esp32"),
                    ("giga-r1", "pyboard"), ("portenta-h7", "pyboard")):
    rc, out, err = run(["--board", board, "-c", "import sys, sim; print(sys.platform, sim.board())"])
    check(rc == 0 and out == "%s %s\n" % (plat, board), "sys.platform on " + board, (out, err))
rc, out, err = run(["--board", "nano-esp32", "-c",
                    "from machine import Pin\np = Pin(5, Pin.OUT)\np.toggle()\nprint(p, p(), Pin.OUT, hasattr(p, 'low'))"])
check(rc == 0 and out == "Pin(5) 1 3 False\n", "esp32 Pin: repr, constants, methods", (out, err))
for args, what in ((["--board", "uno"], "unknown board"), (["--speed", "fast"], "bad --speed"),
                   (["--until", "5parsecs"], "bad --until"), (["--until"], "missing --until value")):
    rc, out, err = run(args + ["-c", "pass"])
    check(rc == 2 and err, what + " -> status 2 with a message", (rc, err))
rc, out, err = run(["-h"])
check(rc == 0 and "--board" in out and "--until" in out and "--vcd" in out, "-h documents the board options")

done()
