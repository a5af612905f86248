"""--parts, --stimulus, --expect-text and --fail-text from the command line,
and sim.part / sim.parts: parts wired before the script runs, stimulus
inputs reaching Pin.irq handlers, UARTs and input(), checks deciding the
exit status with FILE:LINE messages."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cliutil import check, done, run, scratch  # noqa: E402

TMP, write = scratch("bb-stim-")


def bb(*args, stdin=b""):
    return run(["--speed", "max"] + list(args), stdin=stdin)


PARTS = write("circuit.parts", """\
# the test circuit
button BTN1 D2 pull=up
hcsr04 trig=D3 echo=D4 distance=25
pot A0 value=0.25
led D13
""")

BUTTON = write("button.py", """\
from machine import Pin
import time
led = Pin("D13", Pin.OUT)
count = [0]
def handler(p):
    count[0] += 1
    led.on()
    print("pressed", count[0])
Pin("D2", Pin.IN).irq(handler, Pin.IRQ_FALLING)
print("ready")
time.sleep_ms(500)
print("count", count[0])
""")

# --- a button part and a stimulus press: the IRQ handler runs -------------
stim = write("press.stim", """\
@100ms press BTN1 for 50ms
@300ms expect D13 high
@300ms expect BTN1.presses 1
@0     expect-serial "ready" before 10ms
""")
rc, out, err = bb("--parts", PARTS, "--stimulus", stim, BUTTON)
check(rc == 0, "press via stimulus: all checks pass, status 0", (rc, out, err))
check("pressed 1" in out and "count 1" in out, "the Pin.irq handler ran once for the press", out)
check("3 passed, 0 failed" in err or re.search(r"4 checks, 4 passed, 0 failed", err), "report on stderr", err)

# --- a failing expect: status 1, FILE:LINE, expected vs seen --------------
stim = write("fail.stim", """\
# line 1 is a comment
@50ms expect D13 high
@300ms expect D13 low
""")
rc, out, err = bb("--parts", PARTS, "--stimulus", stim, BUTTON)
check(rc == 1, "a failed expect exits 1", (rc, err))
check(re.search(r"fail\.stim:2: FAIL at 50ms: .*expect D13 high.*D13 is low", err), "message names file:line, expected and seen", err)
check("fail.stim:3" not in err, "only the failed check is listed", err)

# --- expect-serial: pass and fail -----------------------------------------
stim = write("serial_ok.stim", '@0 expect-serial "count 0" before 1s\n@0 expect-no-serial "Traceback" before 1s\n')
rc, out, err = bb("--stimulus", stim, BUTTON)
check(rc == 0, "expect-serial sees the script's stdout", (rc, out, err))
stim = write("serial_bad.stim", '@0 expect-serial "count 7" before 1s\n')
rc, out, err = bb("--stimulus", stim, BUTTON)
check(rc == 1 and re.search(r'serial_bad\.stim:1: FAIL .*"count 7".*count 0', err, re.S),
      "expect-serial failure: status 1, shows what was printed", (rc, err))
check("ready" in out, "stdout still reaches the terminal while captured", out)

# --- stimulus UART bytes and console input --------------------------------
stim = write("uart.stim", '@10ms uart0 "hello\\n"\n@20ms serial "typed\\n"\n'
             '@0 expect-serial "sent" before 1s on uart0\n')
rc, out, err = bb("--stimulus", stim, write("uart.py", """\
from machine import UART
import time
u = UART(0, 115200)
time.sleep_ms(15)
print("uart", u.read())
print("input", input())
u.write(b"sent")
time.sleep_ms(5)
"""))
check(rc == 0 and "uart b'hello\\n'" in out and "input typed" in out,
      "uart0 bytes reach UART(0).read, serial bytes reach input(), TX checked", (rc, out, err))

# --- --expect-text / --fail-text --------------------------------------------
LOOP = write("loop.py", """\
import time
i = 0
while True:
    print("tick", i)
    i += 1
    time.sleep_ms(100)
""")
rc, out, err = bb("--expect-text", "tick 3", LOOP)
check(rc == 0 and out.rstrip().endswith("tick 3"), "--expect-text ends the run at once with status 0", (rc, out))
rc, out, err = bb("--until", "1s", "--expect-text", "tick 42", LOOP)
check(rc == 1 and "breadboard: expected text 'tick 42' not seen by 1 s" in err, "--expect-text not seen: status 1", (rc, err))
rc, out, err = bb("--expect-text", "nope", "-c", "print('done')")
check(rc == 1 and "expected text 'nope' not seen" in err, "--expect-text, script ends without it: status 1", (rc, err))
rc, out, err = bb("--fail-text", "tick 2", LOOP)
check(rc == 1 and "tick 3" not in out and re.search(r"breadboard: fail text 'tick 2' seen at 0\.2\d* s", err),
      "--fail-text stops at once with status 1 and the time", (rc, out, err))
rc, out, err = bb("--until", "500ms", "--fail-text", "Traceback", LOOP)
check(rc == 0 and not err, "--fail-text not seen: the normal status", (rc, err))
rc, out, err = bb("--fail-text", "tick 1", "--expect-text", "tick 5", LOOP)
check(rc == 1 and "fail text 'tick 1'" in err, "fail text before expect text: status 1", (rc, err))

# --- --parts errors --------------------------------------------------------
bad = write("bad.parts", "led D13\nlamp D2\n")
rc, out, err = bb("--parts", bad, "-c", "print('never')")
check(rc == 2 and re.search(r"bad\.parts:2: unknown part kind 'lamp'", err) and "never" not in out,
      "--parts error: file:line message, status 2, script not run", (rc, out, err))
rc, out, err = bb("--parts", os.path.join(TMP, "missing.parts"), "-c", "print(1)")
check(rc == 2 and "missing.parts" in err, "--parts missing file: status 2", (rc, err))
bad = write("bad.stim", "@0 D2 high\n@1s D99 high\n")
rc, out, err = bb("--stimulus", bad, "-c", "print(1)")
check(rc == 2 and "bad.stim:2:" in err, "--stimulus error: file:line message, status 2", (rc, err))

# --- an HC-SR04 part measured with machine.time_pulse_us -----------------
HCSR = write("hcsr.py", """\
from machine import Pin, time_pulse_us
import time, sim
trig = Pin("D3", Pin.OUT, value=0)
echo = Pin("D4", Pin.IN)
def distance_cm():
    trig.value(1)
    time.sleep_us(10)
    trig.value(0)
    return time_pulse_us(echo, 1, 30000) / 58.31
print("d %.3f" % distance_cm())
time.sleep_ms(200)
print("d %.3f" % distance_cm())
sim.part("hcsr04").distance = 123.4
time.sleep_ms(100)
print("d %.3f" % distance_cm())
""")
stim = write("hcsr.stim", "@100ms set hcsr04.distance 40\n")
rc, out, err = bb("--parts", PARTS, "--stimulus", stim, HCSR)
ds = [float(x) for x in re.findall(r"d ([\d.]+)", out)]
check(rc == 0 and len(ds) == 3 and abs(ds[0] - 25) < 1 and abs(ds[1] - 40) < 1 and abs(ds[2] - 123.4) < 1,
      "HC-SR04 distance within 1 cm (parts file, stimulus set, sim.part)", (rc, out, err))

# --- a pot part read with machine.ADC, and sim.part/sim.parts ------------
rc, out, err = bb("--parts", PARTS, "-c", """\
from machine import ADC, Pin
import sim
adc = ADC(Pin("A0"))
print("adc", adc.read_u16())
pot = sim.part("pot1")
pot.voltage = 2.475
print("adc", adc.read_u16(), pot.value)
print(sim.parts())
b = sim.part("button")
print(b.name, b.kind, b.pull, b.pressed, b.bounce_period)
try:
    pot.value = 2
except ValueError as e:
    print("ValueError", e)
try:
    sim.part("led1").on = 1
except ValueError as e:
    print("ro", e)
try:
    pot.nosuch
except AttributeError:
    print("AttributeError")
try:
    sim.part("nosuch")
except ValueError as e:
    print("ValueError", e)
""")
adcs = [int(x) for x in re.findall(r"adc (\d+)", out)]
check(rc == 0 and len(adcs) == 2 and abs(adcs[0] - 16384) < 100 and abs(adcs[1] - 49152) < 100,
      "pot read with machine.ADC (0.25 and 0.75 of full scale)", (rc, out, err))
check("['BTN1', 'hcsr04_1', 'pot1', 'led1']" in out, "sim.parts() lists the parts in file order", out)
check("BTN1 button up False 250000" in out, "sim.part attributes: text, choices, bool, time in ns", out)
check("ValueError pot1.value must be in 0..1" in out and "ro " in out and "AttributeError" in out
      and "ValueError no part named 'nosuch'" in out, "sim.part errors", out)

# --- -h documents the options -----------------------------------------------
rc, out, err = run(["-h"])
check(rc == 0 and all(o in out for o in ("--parts", "--stimulus", "--expect-text", "--fail-text")),
      "-h documents --parts --stimulus --expect-text --fail-text", out)

done()
