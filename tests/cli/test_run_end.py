"""The end of a run records nothing that did not happen on the board.

When the run ends (--until reached, or the script ending), the simulator
frees its parts and stimulus, which lets go of their drivers on the pins: a
pressed button stops pulling its pin low, a stimulus drive stops.  That is
bookkeeping, not board activity, so neither --trace nor --vcd may show an
edge for it: the recorded state is frozen at the run's end, and the VCD's
last timestamp is that end."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cliutil import Vcd, check, done, read_trace, run, scratch  # noqa: E402

TMP, write = scratch("bb-runend-")


def vcd_times(path):
    """-> (the body's timestamps, {signal name: [(t, v)] after $dumpvars})"""
    v = Vcd(path)
    return v.times, v.changes


PARTS = write("circuit.parts", "led LED1 D13\nbutton BTN1 D2 pull=up\n")

# The LED lit and the button held down (strong to GND) when the run ends:
# freeing the button would let D2 go back up through its pull-up.
SCRIPT = write("held.py", """
from machine import Pin
import sim, time
led = Pin("D13", Pin.OUT)
btn = Pin("D2", Pin.IN, Pin.PULL_UP)
led.on()
sim.part("BTN1").pressed = True
time.sleep_ms(5)
print(btn.value(), sim.part("LED1").on)
time.sleep_ms(100)
""")


def run_case(label, extra, end_ns, script=SCRIPT):
    tr = os.path.join(TMP, label + ".trace")
    vcd = os.path.join(TMP, label + ".vcd")
    rc, out, err = run(["--speed", "max", "--parts", PARTS, "--trace", tr, "--vcd", vcd] + extra + [script])
    check(rc == 0 and out == "0 True\n", "%s: runs, button reads pressed, LED lit" % label, (rc, out, err))
    lines = read_trace(tr)
    d2 = [(t, e) for t, s, e in lines if s == "D2" and e in ("high", "low")]
    check(d2 and d2[-1][1] == "low", "%s: D2 is last low in the trace (pressed)" % label, d2)
    at_end = [x for x in lines if x[0] >= end_ns]
    check(not at_end, "%s: no trace line at or after the end (%d ns)" % (label, end_ns), at_end)
    times, changes = vcd_times(vcd)
    check(times and times[-1] == end_ns, "%s: the VCD's last timestamp is the run's end" % label, times[-3:])
    late = {n: [c for c in v if c[0] >= end_ns] for n, v in changes.items()}
    late = {n: v for n, v in late.items() if v}
    check(not late, "%s: no VCD change at the end time" % label, late)
    check(changes.get("D2") and changes["D2"][-1][1] == 0 and changes.get("D13") and changes["D13"][-1][1] == 1,
          "%s: the VCD ends with D2 low and D13 high, as on the board" % label, (changes.get("D2"), changes.get("D13")))


# --until cuts the script's sleep: the run ends at exactly 20 ms.
run_case("until", ["--until", "20ms"], 20_000_000)

# The script ends by itself (no --until): the end is its last sleep's end.
short = write("short.py", open(SCRIPT).read().replace("time.sleep_ms(100)", "time.sleep_ms(10)"))
# The script sleeps 15 ms in all; its end is read from the VCD itself.
vcd = os.path.join(TMP, "short.vcd")
tr = os.path.join(TMP, "short.trace")
rc, out, err = run(["--speed", "max", "--parts", PARTS, "--trace", tr, "--vcd", vcd, short])
times, changes = vcd_times(vcd)
end = times[-1] if times else 0
check(rc == 0 and 15_000_000 <= end < 15_100_000, "script end: the VCD ends at the script's end (15 ms of sleep)",
      (rc, err, times[-3:]))
run_case("script-end", [], end, short)

# A stimulus drive still on at the end (D13 is driven by the MCU; D3 only by
# the stimulus) is not shown as released either.
stim = write("drive.stim", "@1ms D3 high\n")
tr = os.path.join(TMP, "stim.trace")
vcd = os.path.join(TMP, "stim.vcd")
rc, out, err = run(["--speed", "max", "--until", "20ms", "--parts", PARTS, "--stimulus", stim, "--trace", tr,
                    "--vcd", vcd, SCRIPT])
lines = read_trace(tr)
d3 = [(t, e) for t, s, e in lines if s == "D3"]
check(rc == 0 and d3 == [(1_000_000, "high")], "stimulus: D3 driven high at 1 ms, nothing logged when it is freed",
      (rc, err, d3))
times, changes = vcd_times(vcd)
check(times and times[-1] == 20_000_000 and changes.get("D3") == [(1_000_000, 1)],
      "stimulus: the VCD keeps D3 high to the end", (times[-3:], changes.get("D3")))

done()
