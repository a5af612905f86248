"""UART and SPI on the wires: transfers recorded with --vcd are decoded here
from the pads' edges alone, as a logic analyser would, so the test fails if
a bus line is missing from the VCD, has no bit-level edges, or runs at
another rate than the one configured.

- UART: 8N1, LSB first, idle high; each frame is sampled at the centres of
  its bits from the start edge, at the configured baud; a `uart` part in
  loopback mode on the pins (docs/parts.md) sends the bytes back, so the RX
  pad carries frames too and is decoded the same way.
- SPI: mode 0, MSB first; MOSI and MISO are sampled at SCK's rising edges
  while CS (a Pin the script drives) is low; SCK's period is checked
  against the baudrate the port reports; a sim.spi_loopback device selected
  by CS answers on MISO.
"""
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cliutil import check, done, level_at, parse_vcd, run  # noqa: E402

TMP = tempfile.mkdtemp(prefix="bb-busvcd-")


def uart_decode(changes, baud):
    """-> [(start_ns, byte, stop_ok)] for 8N1 frames on one line."""
    bit = 1e9 / baud
    out, i = [], 0
    falls = [t for (t, v), (_, pv) in zip(changes[1:], changes) if v == 0 and pv == 1]
    busy_until = -1
    for t0 in falls:
        if t0 < busy_until:
            continue
        if level_at(changes, t0 + bit / 2) != 0:
            continue  # a glitch, not a start bit
        byte = 0
        for k in range(8):
            byte |= level_at(changes, t0 + bit * (1.5 + k)) << k
        stop = level_at(changes, t0 + bit * 9.5) == 1
        out.append((t0, byte, stop))
        busy_until = t0 + bit * 9.5
    return out


def spi_decode(sck, mosi, miso, cs):
    """-> (mosi bytes, miso bytes, SCK rising-edge times) while CS is low."""
    rises = [t for t, v in sck if v == 1 and level_at(cs, t) == 0 and t > 0]
    def bytes_of(line):
        bits = [level_at(line, t) for t in rises] if line is not None else []
        return bytes(int("".join(map(str, bits[i:i + 8])), 2) for i in range(0, len(bits) - 7, 8))
    return bytes_of(mosi), bytes_of(miso), rises


def bb(name, src, *opts, board=None, parts=None):
    p = os.path.join(TMP, name + ".py")
    with open(p, "w") as f:
        f.write(src)
    vcd = os.path.join(TMP, name + ".vcd")
    args = ["--speed", "max", "--vcd", vcd] + (["--board", board] if board else [])
    if parts:
        pf = os.path.join(TMP, name + ".parts")
        with open(pf, "w") as f:
            f.write(parts)
        args += ["--parts", pf]
    rc, out, err = run(args + list(opts) + [p])
    return rc, out, err, (parse_vcd(vcd) if os.path.exists(vcd) else {})


# --- UART: TX frames at the configured baud, the peer's frames on RX --------
UART_SRC = """
from machine import UART
import time
u = UART({id}, {baud}{pins})
u.write(b'\\x55\\xa3A')
time.sleep_ms({wait})
print(u.read())          # returns timeout_char after the last byte, as the ports do
"""
for board, uid, pins, tx, rx, baud, wait in (
        ("nano-rp2040", 0, "", "D1", "D0", 9600, 8),
        ("nano-rp2040", 0, "", "D1", "D0", 115200, 1),
        ("nano-esp32", 1, ", tx=17, rx=18", "D8", "D9", 57600, 2),
        ("giga-r1", 1, "", "D1", "D0", 19200, 4)):
    parts = "uart peer rx=%s tx=%s mode=loopback baud=%d\n" % (tx, rx, baud)
    name = "uart_%s_%d" % (board, baud)
    rc, out, err, sig = bb(name, UART_SRC.format(id=uid, baud=baud, pins=pins, wait=wait),
                           "--until", "%dms" % (wait + 5), board=board, parts=parts)
    frames = uart_decode(sig.get(tx, []), baud)
    check(rc == 0 and [(b, s) for _, b, s in frames] == [(0x55, True), (0xA3, True), (0x41, True)],
          "%s: UART%d TX (%s) in the VCD decodes as 55 a3 41 at %d baud" % (board, uid, tx, baud),
          (frames, err[-300:]))
    # bit time: the 0x55 frame alternates every bit, so its edges are one bit apart
    if frames:
        t0 = frames[0][0]
        e = [t for t, _ in sig[tx] if t0 <= t < t0 + 10.5e9 / baud]
        widths = [b - a for a, b in zip(e, e[1:])]
        widths = widths[:9]  # start, 8 data bits; the stop bit ends at the next frame's start
        check(len(widths) == 9 and all(abs(w - 1e9 / baud) <= 1e9 / baud * 0.02 for w in widths),
              "%s: UART bits are 1/%d s wide on the wire (+-2%%: the divider's rounding)" % (board, baud),
              widths)
    back = uart_decode(sig.get(rx, []), baud)
    check([b for _, b, s in back] == [0x55, 0xA3, 0x41] and out.strip() == "b'U\\xa3A'",
          "%s: the loopback peer's frames are on RX (%s) in the VCD and read back" % (board, rx),
          (back, out))

# --- SPI: SCK, MOSI, MISO and CS, bit by bit ----------------------------------
SPI_SRC = """
import sim
from machine import SPI, Pin
from machine import SoftSPI
s = {ctor}
print(s)
cs = Pin({cs}, Pin.OUT, value=1)
sim.spi_loopback({bus}, cs={cs})
r = bytearray(2)
cs(0)
s.write_readinto(b'\\x3c\\xa5', r)
cs(1)
s.write(b'\\xff')          # CS high: not decoded, no device answers
print(bytes(r))
"""
for board, sid, cs, labels, baud in (("nano-rp2040", 0, 5, ("D13", "D11", "D12", "D10"), 1_000_000),
                                     ("rpi-pico", 0, 17, ("GP18", "GP19", "GP16", "GP17"), 400_000),
                                     ("nano-esp32", 1, 5, ("D13", "D11", "D12", "D2"), 2_000_000),
                                     ("giga-r1", 1, "'PA4'", ("A13", "D5", "PA6", "A12"), 1_000_000),
                                     ("nano-rp2040", "soft", 9, ("GPIO10", "GPIO11", "A4", "GPIO9"), 100_000)):
    if sid == "soft":
        ctor, bus = "SoftSPI(baudrate=%d, sck=Pin(10), mosi=Pin(11), miso=Pin(12))" % baud, "s"
    else:
        ctor, bus = "SPI(%d, baudrate=%d)" % (sid, baud), sid
    name = "spi_%s_%s" % (board, sid)
    rc, out, err, sig = bb(name, SPI_SRC.format(ctor=ctor, bus=bus, cs=cs), board=board)
    m = re.search(r"baudrate=(\d+)", out)
    actual = int(m.group(1)) if m else baud
    sck, mosi, miso, csl = labels
    got_mosi, got_miso, rises = spi_decode(sig.get(sck, []), sig.get(mosi), sig.get(miso), sig.get(csl, []))
    check(rc == 0 and all(k in sig for k in labels),
          "%s: SPI %s's SCK, MOSI, MISO and CS (%s) are all in the VCD" % (board, sid, ", ".join(labels)),
          (sorted(sig), out, err[-300:]))
    check(got_mosi == b"\x3c\xa5" and got_miso == b"\x3c\xa5" and out.splitlines()[-1:] == ["b'<\\xa5'"],
          "%s: MOSI decodes as 3c a5 and MISO (the echo device) as 3c a5 while CS is low" % board,
          (got_mosi, got_miso, out))
    periods = [b - a for a, b in zip(rises, rises[1:8])]
    check(len(rises) == 16 and all(abs(p - 1e9 / actual) <= 1 for p in periods),
          "%s: 16 SCK rising edges while selected, one every 1/%d s (the reported baudrate)" % (board, actual),
          (len(rises), periods))

done()
