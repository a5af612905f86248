"""The bus peripherals after a hard reset (machine.reset(), a WDT reset):
the reset returns every pad to GPIO, so the next machine.I2C(0) /
machine.SPI(0) / machine.UART(0) of the restarted script must give the
pads their bus function again, as the first creation did; the parts on the
buses stay. Checked through the trace's mode lines and the transfers."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cliutil import check, done, read_trace, run, scratch  # noqa: E402

TMP, script = scratch("bb-busreset-")

SRC = """
import machine, sim, time
first = machine.reset_cause() == machine.PWRON_RESET
if first:
    sim.i2c_memory(0, 0x50)
    sim.spi_loopback(0)
i = machine.I2C(0)
s = machine.SPI(0, 1_000_000)
u = machine.UART(0, 9600)
buf = bytearray(2)
s.write_readinto(b"\\x5a\\xc3", buf)
print(machine.reset_cause(), i.scan(), bytes(buf))
if first:
    time.sleep_ms(2)
    %s
"""
PADS = {"GP5": "ALT_OPEN_DRAIN", "GP4": "ALT_OPEN_DRAIN", "GP18": "ALT", "GP19": "ALT", "GP16": "ALT",
        "GP0": "ALT", "GP1": "ALT"}


def modes(tr, lo, hi):
    """-> {pad: last mode} of the mode lines in [lo, hi)."""
    m = {}
    for t, s, e in tr:
        if lo <= t < hi and e.startswith("mode "):
            m[s] = e.split()[1]
    return m


for how, what in (("machine.reset()", "machine.reset()"),
                  ("machine.WDT(timeout=1)\n    time.sleep_ms(5)", "a WDT reset")):
    trf = os.path.join(TMP, "t.trace")
    rc, out, err = run(["--board", "rpi-pico", "--speed", "max", "--until", "20ms", "--trace", trf,
                        script("s.py", SRC % how)])
    check(rc == 0 and out == "1 [80] b'Z\\xc3'\n3 [80] b'Z\\xc3'\n",
          "%s: the restarted script finds the I2C and SPI parts again" % what, (out, err))
    tr = read_trace(trf)
    resets = [t for t, s, e in tr if (s, e) in (("board", "reset"), ("WDT", "reset"))]
    check(len(resets) == 1, "%s: one reset in the trace" % what, resets)
    if len(resets) != 1:
        continue
    at = resets[0]
    before, gone, after = modes(tr, 0, at), modes(tr, at, at + 1), modes(tr, at + 1, 1 << 62)
    check(all(before.get(p) == m for p, m in PADS.items()), "%s: first creation: bus pads in their modes" % what, before)
    check(all(gone.get(p) == "IN" for p in PADS), "%s: the reset returns the bus pads to IN" % what, gone)
    check(all(after.get(p) == m for p, m in PADS.items()),
          "%s: I2C(0), SPI(0), UART(0) after the reset set their pads' modes again" % what, after)

done()
