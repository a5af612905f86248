"""docs/trace.md against real runs: the line patterns are read from the
page's table, every line of a set of runs exercising pins, PWM, I2C, UART,
a uart part, USB HID, resets, deep sleep and the watchdog must match one of
them, every documented kind must show up, and each row's example must
match its own pattern."""
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from cliutil import run, check, done  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
TMP = tempfile.mkdtemp(prefix="bb-tracedoc-")


def doc_patterns():
    """[(kind, compiled regex, example)] from the "Line kinds" table."""
    text = open(os.path.join(ROOT, "docs", "trace.md")).read()
    section = text.split("## Line kinds", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        if len(cells) != 4 or not cells[1].startswith("`"):
            continue
        pat = cells[1].strip("`").replace("\\|", "|").replace("SRC", r"\S+")
        rows.append((cells[0], re.compile(pat + "$"), cells[2].strip("`")))
    return rows


PATTERNS = doc_patterns()
check(len(PATTERNS) >= 15, "docs/trace.md: the table has the line kinds", str(len(PATTERNS)))
for kind, rx, example in PATTERNS:
    check(rx.match(example) is not None, "docs/trace.md: the %s example matches its pattern" % kind, example)

RUNS = [
    # (board, parts file text, --until, script)
    ("nano-rp2040", "bmp280 bmp1 sda=A4 scl=A5\nuart peer rx=D12 tx=D10 mode=loopback\n"
     "uart odd rx=D1 baud=9600\n", "0.4s", r"""
import time, sim
from machine import Pin, PWM, I2C, UART, ADC
led = Pin("D13", Pin.OUT); led.on(); led.off()
p = Pin("D2", Pin.OUT); p.on(); sim.drive("D2", 0); time.sleep_us(10); sim.drive("D2", None)
a = ADC(Pin("A0"))
pw = PWM(Pin("D9"), freq=10000, duty_u16=32768); time.sleep_ms(1); pw.deinit()
i2c = I2C(0); i2c.readfrom_mem(0x76, 0xD0, 1); i2c.writeto_mem(0x76, 0xF4, b"\x27"); i2c.scan()
u = UART(1, 115200, tx=Pin(4), rx=Pin(5)); u.write(b"hi"); time.sleep_ms(2); u.read()
u0 = UART(0, 115200); u0.write(b"\x00\xff"); time.sleep_ms(2); u0.sendbreak()
import usb.device
from usb.device.keyboard import KeyboardInterface, KeyCode as KC
from usb.device.mouse import MouseInterface
k = KeyboardInterface(); m = MouseInterface()
usb.device.get().init(k, m, builtin_driver=True)
while not k.is_open():
    time.sleep_ms(1)
k.send_keys([KC.A]); k.send_keys([]); m.move_by(5, -3); time.sleep_ms(30)
sim.usb_leds(2); time.sleep_ms(5)
import machine
machine.reset()
"""),
    ("nano-esp32", "", "0.05s", r"""
import machine
if machine.reset_cause() != machine.DEEPSLEEP_RESET:
    machine.deepsleep(10)
machine.soft_reset()
"""),
    ("nano-esp32", "", "0.05s", "import machine\nmachine.deepsleep()\n"),
    ("rpi-pico", "", "0.3s", "import machine, time\nw = machine.WDT(timeout=100)\ntime.sleep_ms(200)\n"),
]

seen = set()
for n, (board, parts, until, script) in enumerate(RUNS):
    args = ["--board", board, "--speed", "max", "--until", until]
    if parts:
        pf = os.path.join(TMP, "p%d.parts" % n)
        open(pf, "w").write(parts)
        args += ["--parts", pf]
    tf = os.path.join(TMP, "t%d.trace" % n)
    sf = os.path.join(TMP, "s%d.py" % n)
    open(sf, "w").write(script)
    rc, out, err = run(args + ["--trace", tf, sf], cwd=TMP)
    check(rc == 0, "run %d on %s" % (n, board), (out + err)[-500:])
    lines = open(tf).read().splitlines()
    bad = []
    last = -1
    for line in lines:
        m = re.match(r"(\d+)\.(\d{9}) (.*)$", line)
        if not m:
            bad.append(line)
            continue
        t = int(m.group(1)) * 10 ** 9 + int(m.group(2))
        if t < last:
            bad.append("out of order: " + line)
        last = t
        kinds = [k for k, rx, _ in PATTERNS if rx.match(m.group(3))]
        if not kinds:
            bad.append(line)
        seen.update(kinds)
    check(lines and not bad, "run %d on %s: %d lines, all in time order and documented"
          % (n, board, len(lines)), str(bad[:5]))

missing = [k for k, _, _ in PATTERNS if k not in seen]
check(not missing, "every documented kind of line appears in the runs", str(missing))
shutil.rmtree(TMP, ignore_errors=True)
done()
