"""I2C on the wires: a machine.I2C transfer to a BMP280 part, recorded with
--vcd, is decoded here from the SCL/SDA edges alone, as a logic analyser
would: the lines idle high (the bus pull-ups), START and STOP are SDA
edges while SCL is high, bits are sampled at SCL's rising edges at the
configured frequency, and the decoded bytes are the address, the register
and the chip id the device answered (docs/parts.md, "I2C parts")."""
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from cliutil import check, done, level_at, parse_vcd, run  # noqa: E402

TMP = tempfile.mkdtemp(prefix="bb-i2cvcd-")


def decode(scl, sda):
    """-> (list of transfers [(byte, acked), ...], SCL rising-edge times).
    Events are merged in time order; SCL and SDA never change at the same
    instant on a well-formed bus."""
    ev = sorted([(t, "c", v) for t, v in scl] + [(t, "d", v) for t, v in sda])
    c = d = 1
    transfers, cur, bits, rises = [], None, [], []
    for t, which, v in ev:
        if which == "d":
            if c == 1 and d == 1 and v == 0:        # START (or repeated START)
                if cur:
                    transfers.append(cur)
                cur, bits = [], []
            elif c == 1 and d == 0 and v == 1:      # STOP
                if cur is not None:
                    transfers.append(cur)
                cur, bits = None, []
            d = v
        else:
            if v == 1 and c == 0 and cur is not None:   # rising SCL: sample SDA
                rises.append(t)
                bits.append(d)
                if len(bits) == 9:
                    byte = int("".join(map(str, bits[:8])), 2)
                    cur.append((byte, bits[8] == 0))
                    bits = []
            c = v
    return transfers, rises


PROG = """
from machine import I2C, SoftI2C, Pin
import time
i2c = %s
time.sleep_ms(1)
print("id", i2c.readfrom_mem(0x76, 0xD0, 1))
time.sleep_ms(1)
i2c.writeto_mem(0x76, 0xF4, bytes([0x27]))
time.sleep_ms(1)
print("ctrl", i2c.readfrom_mem(0x76, 0xF4, 1))
"""

CASES = [
    # board, parts wiring, constructor, freq, SCL name, SDA name
    ("nano-rp2040", "sda=A4 scl=A5", "I2C(0, freq=100000)", 100000, "A5", "A4"),
    ("rpi-pico", "sda=GP4 scl=GP5", "I2C(0, freq=400000)", 400000, "GP5", "GP4"),
    ("nano-esp32", "sda=A4 scl=A5", "I2C(0, scl=Pin(12), sda=Pin(11), freq=100000)", 100000, "A5", "A4"),
    ("nano-rp2040", "sda=D2 scl=D3", "SoftI2C(scl=Pin('D3'), sda=Pin('D2'), freq=50000)", 50000, "D3", "D2"),
]

for board, wiring, ctor, freq, scl_name, sda_name in CASES:
    what = "I2C on the VCD, %s %s" % (board, ctor.split("(")[0])
    parts = os.path.join(TMP, "p.parts")
    with open(parts, "w") as f:
        f.write("bmp280 bmp1 %s\n" % wiring)
    prog = os.path.join(TMP, "t.py")
    with open(prog, "w") as f:
        f.write(PROG % ctor)
    vcd = os.path.join(TMP, "t.vcd")
    rc, out, err = run(["--board", board, "--speed", "max", "--parts", parts, "--vcd", vcd, prog], cwd=TMP)
    check(rc == 0 and "id b'X'" in out and "ctrl b\"'\"" in out, what + ": runs, chip id 0x58", out + err)
    sig = parse_vcd(vcd)
    scl, sda = sig.get(scl_name, []), sig.get(sda_name, [])
    check(len(scl) > 50 and len(sda) > 20, what + ": SCL and SDA both move", "%d %d" % (len(scl), len(sda)))
    if not scl or not sda:
        continue
    # before the I2C object exists the pads are in their reset state (rp2:
    # pulled down); from its construction the lines rest high until the
    # first START and after the last STOP
    first_fall = min(t for t, v in sda if v == 0 and t > 0)
    check(scl[-1][1] == 1 and sda[-1][1] == 1 and level_at(scl, first_fall - 1) == 1
          and level_at(sda, first_fall - 1) == 1 and level_at(sda, first_fall) == 0,
          what + ": both lines idle high (pull-ups)", str((scl[:3], sda[:3], scl[-1], sda[-1])))
    transfers, rises = decode(scl, sda)
    want = [
        [(0x76 << 1, True), (0xD0, True)],            # write the register address
        [(0x76 << 1 | 1, True), (0x58, False)],       # read the chip id, last byte NACKed
        [(0x76 << 1, True), (0xF4, True), (0x27, True)],
        [(0x76 << 1, True), (0xF4, True)],
        [(0x76 << 1 | 1, True), (0x27, False)],
    ]
    check(transfers == want, what + ": address, register and data bytes decoded from the edges",
          str(transfers))
    # the clock: rising edges one bit period apart within each byte
    period = 1e9 / freq
    gaps = [b - a for a, b in zip(rises, rises[1:]) if b - a < 1.5 * period]
    check(gaps and all(abs(g - period) <= 1 for g in gaps),
          what + ": SCL at %d Hz (%.0f ns a bit)" % (freq, period), str(sorted(set(gaps))[:4]))
    # SCL high for half the period
    highs = [t1 - t0 for (t0, v0), (t1, v1) in zip(scl, scl[1:]) if v0 == 1 and t1 - t0 < period]
    check(highs and all(abs(h - period / 2) <= 1 for h in highs),
          what + ": SCL high for half a bit", str(sorted(set(highs))[:4]))

# the trace names the pull-ups' effect: pads in open-drain alt mode, high at rest
rc, out, err = run(["--speed", "max", "--trace", "-", "-c",
                    "from machine import I2C\nI2C(0).scan()"])
check(rc == 0 and re.search(r"^\S+ A5 mode ALT_OPEN_DRAIN pull \w+$", out, re.M)
      and re.search(r"^\S+ A5 high$", out, re.M) and "i2c0 addr 0x08 w nack" in out,
      "a scan's trace: open-drain pads, lines high, the probes", out[:400])
shutil.rmtree(TMP, ignore_errors=True)
done()
