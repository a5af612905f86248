"""`breadboard --board NAME --pins` and docs/pins.md: the document is what
the binary prints (tools/gen_pins_doc.py --check), and what it prints is
what the board does: every firmware name opens with machine.Pin, every
silkscreen-only name is refused by Pin() but accepted by sim, Pin(n) is the
pad, the default bus pins are the ones the bus objects use."""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from cliutil import BIN, run, check, done  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def pins(board):
    rc, out, err = run(["--board", board, "--pins"])
    check(rc == 0, "--pins on %s exits 0" % board, err)
    lines = out.splitlines()
    head = re.split(r"\s{2,}", lines[1].strip())
    rows = [dict(zip(head, re.split(r"\s{2,}", l.strip()))) for l in lines[2:-1]]
    return lines, rows


# ------------------------------------------------------------ the document
p = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "gen_pins_doc.py"), "--bin", BIN,
                    "--check"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
check(p.returncode == 0, "docs/pins.md is what `--pins` prints (tools/gen_pins_doc.py --check)",
      p.stdout.decode()[-1500:] + p.stderr.decode()[-500:])
with open(os.path.join(ROOT, "docs", "board.md")) as f:
    check("pins.md" in f.read(), "docs/board.md links to pins.md")

# ------------------------------------------------------------ the option
rc, out1, _ = run(["--board", "giga-r1", "--pins"])
rc2, out2, _ = run(["--pins", "--board", "giga-r1"])
check(rc == 0 and out1 == out2 and out1.startswith("giga-r1: "),
      "--pins before or after --board gives the same table")
rc, out, err = run(["--pins"])
check(rc == 0 and out.startswith("nano-rp2040: "), "--pins alone: the default board")
rc, out, err = run(["--pins", "--board", "nosuch"])
check(rc == 2 and "unknown board 'nosuch'" in err, "--pins with an unknown board: status 2", err)
rc, out, err = run(["-h"])
check("--pins" in out + err, "-h mentions --pins")

# ------------------------------------------------------------ agrees with the board
for board in ("nano-rp2040", "rpi-pico", "nano-esp32", "giga-r1", "portenta-h7"):
    lines, rows = pins(board)
    check(len(rows) > 10 and all(len(r) == 7 for r in rows), "%s: %d rows of 7 columns" % (board, len(rows)))
    n_pads = int(re.search(r"(\d+) pads", lines[0]).group(1))
    unl = lines[-1].split(":", 1)[1].split()
    check(len(rows) + (0 if unl == ["-"] else len(unl)) == n_pads,
          "%s: every pad listed once (rows + unlabelled = %d)" % (board, n_pads))
    fw = [(r["pad"], w) for r in rows if r["names"] != "-" for w in r["names"].split()]
    silk = [(r["pad"], w) for r in rows if r["silkscreen"] != "-" for w in r["silkscreen"].split()]
    nums = [(r["pad"], int(r["Pin(n)"])) for r in rows
            if r["Pin(n)"] != "-" and "analog only" not in r["notes"]]
    prog = """
import machine, sim
bad = []
for pad, name in %r:
    try:
        machine.Pin(name)
    except Exception as e:
        bad.append(('fw', name, repr(e)))
for pad, name in %r:
    try:
        machine.Pin(name)
        bad.append(('silk accepted by Pin', name))
    except ValueError:
        pass
    sim.level(name)
for pad, n in %r:
    if 'EXT' in pad:
        continue
    try:
        p = machine.Pin(n)
    except Exception as e:
        bad.append(('num', n, repr(e)))
print('bad', bad)
""" % (fw, silk, nums)
    rc, out, err = run(["--board", board, "-c", prog])
    check(rc == 0 and "bad []" in out,
          "%s: firmware names open with Pin(), silkscreen names only with sim, Pin(n) works" % board,
          (out + err)[-600:])

# the default I2C/SPI/UART pads are the ones the objects report (rp2 and esp32
# print their pins in repr)
for board in ("nano-rp2040", "rpi-pico"):
    _, rows = pins(board)
    dflt = {}
    for r in rows:
        for d in r["defaults"].split():
            if d != "-":
                dflt[d] = int(r["Pin(n)"])
    rc, out, err = run(["--board", board, "-c",
                        "import machine; print(machine.I2C(0)); print(machine.SPI(0))"])
    m = re.search(r"scl=(\d+), sda=(\d+)", out)
    check(m and (int(m.group(1)), int(m.group(2))) == (dflt.get("I2C(0).scl"), dflt.get("I2C(0).sda")),
          "%s: I2C(0) uses the listed default pads" % board, out + err)
    m = re.search(r"sck=(\d+), mosi=(\d+), miso=(\d+)", out)
    check(m and tuple(int(x) for x in m.groups()) == (dflt.get("SPI(0).sck"), dflt.get("SPI(0).mosi"),
                                                     dflt.get("SPI(0).miso")),
          "%s: SPI(0) uses the listed default pads" % board, out + err)

# the ADC column: every ADC0_CHn pad of the rp2 boards reads through machine.ADC
_, rows = pins("rpi-pico")
adc = [(int(r["Pin(n)"]), int(re.search(r"ADC0_CH(\d)", r["functions"]).group(1)))
       for r in rows if "ADC0_CH" in r["functions"]]
check(len(adc) == 3, "rpi-pico: three ADC pads on the header (GP26..28)", str(adc))
prog = "import machine, sim\nfor gp, ch in %r:\n    sim.voltage(gp, 0.5 + ch)\n" \
       "    print(gp, ch, machine.ADC(ch).read_u16() == machine.ADC(machine.Pin(gp)).read_u16() > 0)\n" % adc
rc, out, err = run(["--board", "rpi-pico", "-c", prog])
check(rc == 0 and out.count("True") == 3, "rpi-pico: ADC(channel) and ADC(Pin) agree with the table",
      out + err)
done()
