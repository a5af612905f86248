"""docs/board.md, "ADC conversion": the formulas and the table's example
readings (1.000 V on each board) are what the binary returns, and the
formula holds over a sweep of voltages on every board."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from cliutil import run, check, done  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
doc = open(os.path.join(ROOT, "docs", "board.md")).read()
sec = doc.split("### ADC conversion", 1)[1].split("\n## ", 1)[0]
rows = {}
for line in sec.splitlines():
    cells = [c.strip() for c in line.split("|")[1:-1]]
    if len(cells) == 4 and cells[0].startswith("`"):
        for name in re.findall(r"`([a-z0-9-]+)`", cells[0]):
            rows[name] = [int(x) for x in re.findall(r"\b\d{3,6}\b", cells[3])]
check(set(rows) == {"nano-rp2040", "rpi-pico", "nano-esp32", "giga-r1", "portenta-h7"},
      "the ADC table covers every board", str(rows))

PROGS = {
    "rp2": ("import sim, machine\nsim.voltage(26, 1.0)\na = machine.ADC(machine.Pin(26))\n"
            "print(a.read_u16() >> 4, a.read_u16())\n"),
    "esp32": ("import sim, machine\nsim.voltage(1, 1.0)\n"
              "a = machine.ADC(machine.Pin(1), atten=machine.ADC.ATTN_11DB)\n"
              "b = machine.ADC(machine.Pin(1))\n"
              "print(a.read(), a.read_u16(), a.read_uv(), b.read(), b.read_u16(), b.read_uv())\n"),
    "stm32": ("import sim, machine, pyb\nsim.voltage('PC4', 1.0)\n"
              "print(machine.ADC('PC4').read_u16(), pyb.ADC('PC4').read())\n"),
}
PORT = {"nano-rp2040": "rp2", "rpi-pico": "rp2", "nano-esp32": "esp32", "giga-r1": "stm32",
        "portenta-h7": "stm32"}
for board, want in rows.items():
    rc, out, err = run(["--board", board, "-c", PROGS[PORT[board]]])
    got = [int(x) for x in out.split()]
    # the rp2 row lists the raw count first (read_u16 >> 4 is the raw 12 bits)
    check(rc == 0 and got == want, "%s: 1.000 V reads as the table says" % board, "%s vs %s %s" % (got, want, err))

# the formula over a sweep: raw = floor(V / FS * 2**bits + 0.5) clamped;
# u16 replicates the bits
SWEEP = """
import sim, machine
out = []
for mv in range(0, 3400, 37):
    sim.voltage(%r, mv / 1000)
    out.append(machine.ADC(%s).read_u16())
print(out)
"""
for board, pin, adc_arg, bits, fs in (("rpi-pico", 26, "machine.Pin(26)", 12, 3.3),
                                      ("nano-esp32", 1, "machine.Pin(1), atten=3", 12, 3.1),
                                      ("giga-r1", "PC4", "'PC4'", 16, 3.3)):
    rc, out, err = run(["--board", board, "-c", SWEEP % (pin, adc_arg)])
    got = eval(out) if rc == 0 else None
    want = []
    for mv in range(0, 3400, 37):
        raw = min(2 ** bits - 1, int(mv / 1000 / fs * 2 ** bits + 0.5))
        want.append(raw if bits == 16 else (raw << (16 - bits)) | (raw >> (2 * bits - 16)))
    bad = [(mv, g, w) for mv, g, w in zip(range(0, 3400, 37), got or [], want) if g != w]
    check(got is not None and not bad, "%s: read_u16 follows the documented formula 0..3.4 V" % board,
          str(bad[:4]) + err[-200:])
done()
