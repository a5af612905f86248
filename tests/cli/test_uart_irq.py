"""machine.UART.irq() and UART.sendbreak() on the virtual clock (rp2 and
esp32; machine.UART docs' trigger table), through a `wire` part from the
TX pad to the RX pad: the handler's times (sim.now_us) against the frames
in the trace, the break as a low TX pad in the trace, flags() per event."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cliutil import check, done, read_trace, run, scratch  # noqa: E402

TMP, script = scratch("bb-uartirq-")


def bb(src, board, wire, trace=None):
    parts = script("loop.parts", "wire %s %s\n" % wire)
    args = ["--board", board, "--speed", "max", "--parts", parts]
    if trace:
        args += ["--trace", trace]
    return run(args + [script("s.py", src)])


HEAD = """
from machine import UART
import sim, time
ev = []
def h(u):
    ev.append((sim.now_us() * 1000, u.irq().flags(), u.any(), u is uu))
"""

# --- rp2: constants, RXIDLE and TXIDLE against the frames ------------------
tr_path = os.path.join(TMP, "rp2.trace")
rc, out, err = bb(HEAD + """
uu = u = UART(0, 9600)
print(sorted((n, getattr(UART, n)) for n in dir(UART) if n.startswith("IRQ_")))
q = u.irq(h, UART.IRQ_RXIDLE | UART.IRQ_TXIDLE | UART.IRQ_BREAK)
print(q is u.irq(), q.trigger() == UART.IRQ_RXIDLE | UART.IRQ_TXIDLE | UART.IRQ_BREAK, q.flags())
u.write(b"hello world")
time.sleep_ms(30)
print(u.read())
u.write(b"abc")
time.sleep_ms(20)
print(u.read())
for e in ev: print(*e)
try:
    u.irq(h, 1)
except ValueError as e:
    print("ValueError", e)
""", "rpi-pico", ("GP0", "GP1"), tr_path)
lines = out.splitlines()
check(rc == 0 and lines[0] == "[('IRQ_BREAK', 512), ('IRQ_RXIDLE', 64), ('IRQ_TXIDLE', 32)]",
      "rp2: IRQ_RXIDLE, IRQ_TXIDLE, IRQ_BREAK (no IRQ_RX)", (out, err))
check(lines[1:4] == ["True True 0", "b'hello world'", "b'abc'"], "irq() returns the same object; trigger(); data looped",
      lines)
tr = read_trace(tr_path)
txs = [t for t, s, e in tr if s == "uart0" and e.startswith("tx ")]
frame = txs[1] - txs[0]
evs = [tuple(int(x) if x.lstrip("-").isdigit() else x for x in ln.split()) for ln in lines[4:-1]]
check(len(txs) == 14 and abs(frame - 10 * 1e9 / 9600) < 2000, "14 frames of 10 bits at ~9600 baud", (txs, frame))
# hello world: TXIDLE when 5 are still to be sent (after the 6th frame), RXIDLE one frame after the 11th
check(len(evs) == 3 and evs[0][1] == 32 and abs(evs[0][0] - txs[5]) < 20_000 and evs[0][3] == "True",
      "rp2 IRQ_TXIDLE when 5 characters are still to be sent (11-byte message)", (evs, txs))
check(len(evs) == 3 and evs[1][1] == 64 and evs[1][2] == 11 and abs(evs[1][0] - (txs[10] + frame)) < 20_000,
      "IRQ_RXIDLE once, one character time after the message's last stop bit", (evs, txs, frame))
check(len(evs) == 3 and evs[2][1] == 64 and evs[2][2] == 3 and abs(evs[2][0] - (txs[13] + frame)) < 20_000,
      "3-byte message: RXIDLE, no TXIDLE (message not longer than 5)", evs)
check(lines[-1].startswith("ValueError"), "a trigger the port lacks: ValueError", lines[-1])

# --- rp2 sendbreak: TX low for two frames, IRQ_BREAK, re-armed by a char ---
tr_path = os.path.join(TMP, "brk.trace")
rc, out, err = bb(HEAD + """
uu = u = UART(0, 9600)
u.irq(handler=h, trigger=UART.IRQ_BREAK)
u.write(b"x")
u.sendbreak()
time.sleep_ms(5)
u.sendbreak()
time.sleep_ms(5)
u.write(b"y")
time.sleep_ms(5)
u.sendbreak()
time.sleep_ms(5)
print(u.read())
for e in ev: print(e[1])
""", "rpi-pico", ("GP0", "GP1"), tr_path)
tr = read_trace(tr_path)
brk = [t for t, s, e in tr if s == "uart0" and e.startswith("break")]
tx_end = [t for t, s, e in tr if s == "uart0" and e == "tx 0x78"]
gp0 = [(t, e) for t, s, e in tr if s == "GP0" and e in ("high", "low")]
lows = [(t, next((t2 for t2, e2 in gp0 if t2 > t and e2 == "high"), None)) for t, e in gp0 if t in brk and e == "low"]
check(rc == 0 and out == "b'x\\x00\\x00y\\x00'\n512\n512\n",
      "rp2: each break received as 0; IRQ_BREAK again only after a valid character", (out, err))
check(len(brk) == 3 and tx_end and brk[0] >= tx_end[0], "sendbreak waits for the queued data: 'uart0 break' after it",
      (brk, tx_end))
check(len(lows) == 3 and all(b and abs((b - a) - 2 * frame) < 2000 for a, b in lows),
      "sendbreak: the TX pad low for two frame times (>= one frame) in the trace", (lows, frame))

# --- rp2 hard=True --------------------------------------------------------
rc, out, err = bb("""
from machine import UART
import time
n = 0
def h(u):
    global n
    n += 1
u = UART(0, 115200)
u.irq(h, UART.IRQ_RXIDLE, True)
u.write(b"12345678")
time.sleep_ms(5)
u.write(b"9")
time.sleep_ms(5)
print(n, u.read())
""", "rpi-pico", ("GP0", "GP1"))
check(rc == 0 and out == "2 b'123456789'\n", "rp2 hard=True: the handler runs per idle line", (out, err))

# --- esp32: IRQ_RX per byte, RXIDLE max(2 characters, 1 ms), no hard --------
for baud, idle_min in ((115200, 1_000_000), (9600, None)):
    tr_path = os.path.join(TMP, "esp.trace")
    rc, out, err = bb(HEAD + """
uu = u = UART(1, %d)
print(sorted((n, getattr(UART, n)) for n in dir(UART) if n.startswith("IRQ_")))
u.irq(h, UART.IRQ_RX | UART.IRQ_RXIDLE)
u.write(b"abcd")
time.sleep_ms(30)
print(u.read())
for e in ev: print(*e)
try:
    u.irq(h, UART.IRQ_RX, hard=True)
except ValueError as e:
    print("ValueError", e)
""" % baud, "nano-esp32", ("D8", "D9"), tr_path)
    lines = out.splitlines()
    check(rc == 0 and lines[0] == "[('IRQ_BREAK', 128), ('IRQ_RX', 1), ('IRQ_RXIDLE', 256)]" and lines[1] == "b'abcd'",
          "esp32 %d: IRQ_RX, IRQ_RXIDLE, IRQ_BREAK; data looped" % baud, (out, err))
    tr = read_trace(tr_path)
    txs = [t for t, s, e in tr if s == "uart1" and e.startswith("tx ")]
    frame = txs[1] - txs[0] if len(txs) > 1 else 0
    evs = [tuple(int(x) if x.lstrip("-").isdigit() else x for x in ln.split()) for ln in lines[2:-1]]
    rx = [e for e in evs if e[1] == 1]
    idle = [e for e in evs if e[1] == 256]
    want = max(2 * frame, 1_000_000)
    check(len(rx) == 4 and len(idle) == 1, "esp32 %d: IRQ_RX per byte, one IRQ_RXIDLE" % baud, evs)
    check(idle and abs(idle[0][0] - (txs[-1] + want)) < 20_000 and idle[0][2] == 4,
          "esp32 %d: RXIDLE %s after the last stop bit" % (baud, "1 ms" if idle_min else "two characters"),
          (idle, txs, frame))
    check(lines[-1].startswith("ValueError"), "esp32: hard=True is not supported", lines[-1])

rc, out, err = bb("from machine import UART\nprint(hasattr(UART, 'irq'), hasattr(UART, 'IRQ_RXIDLE'))\n",
                  "giga-r1", ("D1", "D0"))
check(rc == 0 and out == "False False\n", "stm32: UART.irq not modelled (no attribute)", (out, err))
done()
