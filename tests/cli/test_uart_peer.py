"""The `uart` part (the far end of a UART) from the command line: loopback
with machine.UART(1) on the Nano RP2040 and the Nano ESP32, terminal mode
(piped stdin to the MCU, MCU output on stdout, the same trace however the
pipe is fed), a baud mismatch garbling the bytes, send_file/log, stimulus
`set PART.send`; and console input (stimulus `serial` lines) reaching
sys.stdin.read/readline/buffer.read and select.poll at their virtual times."""
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cliutil import BIN, check, done, run, scratch  # noqa: E402

TMP, write = scratch("bb-uartpeer-")


def bb(*args, stdin=b""):
    return run(["--speed", "max"] + list(args), stdin=stdin)


def tx_times(trace, name):
    """(time_ns, byte) of every "NAME tx 0x.." line."""
    out = []
    for m in re.finditer(r"^(\d+)\.(\d{9}) %s tx 0x([0-9a-f]+)$" % name, trace, re.M):
        out.append((int(m.group(1)) * 10**9 + int(m.group(2)), int(m.group(3), 16)))
    return out


# --- loopback on the Nano RP2040: UART(1) on GPIO4 (D12) / GPIO5 (D10) --------
# The part's rx listens to the MCU's TX (D12), its tx drives the MCU's RX (D10).
LOOP_PARTS = write("loop.parts", "uart loop rx=D12 tx=D10 mode=loopback\n")
LOOP = write("loop.py", """\
from machine import UART, Pin
import sim, time
u = UART(1, 115200, tx=Pin(4), rx=Pin(5))
u.write(b"ping\\n")
time.sleep_ms(5)
print(u.read())
p = sim.part("loop")
print(repr(p.received), p.received_count, p.sent, p.framing_errors, p.kind)
""")
rc, out, err = bb("--parts", LOOP_PARTS, "--trace", "-", LOOP)
check(rc == 0 and "b'ping\\n'\n'ping\\n' 5 5 0 uart" in out, "nano-rp2040 UART(1) loopback through the part",
      (rc, out[-600:], err))
check(re.search(r"^\d+\.\d{9} loop rx 0x70$", out, re.M) and re.search(r"^\d+\.\d{9} loop tx 0x70$", out, re.M),
      "trace lines for the bytes the part received and sent", out[-400:])
tx = tx_times(out, "loop")
gaps = [b[0] - a[0] for a, b in zip(tx, tx[1:])]
# each echo leaves when its byte has come in, so the echoes follow the MCU's
# frames: 10 bits at the rp2 divider's 115190 baud = 86.82 us apart
check(len(tx) == 5 and all(86815 <= g <= 86830 for g in gaps), "echoes paced by the MCU's frames", (tx, gaps))

# --- loopback on the Nano ESP32: UART(1) on GPIO17 (D8) / GPIO18 (D9) ---------
ESP_PARTS = write("esp.parts", "uartpeer echo rx=D8 tx=D9 mode=loopback baud=9600\n")
ESP = write("esp.py", """\
from machine import UART, Pin
import time
u = UART(1, 9600, tx=Pin(17), rx=Pin(18))
u.write(b"esp32")
time.sleep_ms(20)
print(u.read())
""")
rc, out, err = bb("--board", "nano-esp32", "--parts", ESP_PARTS, ESP)
check(rc == 0 and out == "b'esp32'\n", "nano-esp32 UART(1) loopback at 9600 (alias uartpeer)", (rc, out, err))

# --- baud mismatch: the part at 9600, the MCU at 115200 -----------------------
BAD_PARTS = write("bad.parts", "uart loop rx=D12 tx=D10 mode=loopback baud=9600\n")
rc, out, err = bb("--parts", BAD_PARTS, LOOP)
lines = out.splitlines()
check(rc == 0 and len(lines) == 2 and lines[0] != "b'ping\\n'" and not lines[1].startswith("'ping\\n'"),
      "a baud mismatch garbles both ways", (rc, out, err))

# --- terminal mode: stdin to the MCU, the MCU's bytes to stdout ---------------
TERM_PARTS = write("term.parts", "uart term rx=D12 tx=D10 mode=terminal\n")
TERM = write("term.py", """\
from machine import UART, Pin
import time
u = UART(1, 115200, tx=Pin(4), rx=Pin(5))
buf = b""
t0 = time.ticks_ms()
while buf.count(b"\\n") < 2 and time.ticks_diff(time.ticks_ms(), t0) < 2000:
    d = u.read()
    if d:
        buf += d
    time.sleep_ms(1)
print("GOT", buf)
u.write(buf.upper())
u.flush()
time.sleep_ms(1)
print("END")
""")
rc, out, err = bb("--parts", TERM_PARTS, TERM, stdin=b"hello\nworld\n")
check(rc == 0 and out == "GOT b'hello\\nworld\\n'\nHELLO\nWORLD\nEND\n",
      "terminal: piped stdin reaches UART(1), its output appears on stdout", (rc, out, err))
rc, out, err = bb("--parts", TERM_PARTS, "--trace", "-", TERM, stdin=b"hello\nworld\n")
tx = tx_times(out, "term")
gaps = [b[0] - a[0] for a, b in zip(tx, tx[1:])]
check(len(tx) == 12 and bytes(b for _, b in tx) == b"hello\nworld\n" and all(86800 <= g <= 86812 for g in gaps),
      "terminal: piped bytes leave back to back at the part's baud", (tx, gaps))
trace1 = out

# the same bytes fed slowly through a pipe: the same trace (deterministic)
p = subprocess.Popen([BIN, "--speed", "max", "--parts", TERM_PARTS, "--trace", "-", TERM], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
p.stdin.write(b"hel")
p.stdin.flush()
time.sleep(0.3)
p.stdin.write(b"lo\nworld\n")
p.stdin.close()
out2 = p.stdout.read().decode()
p.wait(timeout=30)
check(p.returncode == 0 and out2 == trace1, "terminal: a slow pipe gives the identical trace", out2[-300:])

# terminal with stdin carrying the program: no input, a note, output still shown
rc, out, err = run(["--speed", "max", "--parts", TERM_PARTS], stdin=open(TERM, "rb").read())
check(rc == 0 and out == "GOT b''\nEND\n" and "stdin carries the program" in err,
      "terminal: stdin that holds the script is not read by the part", (rc, out, err))

# --- file mode: send_file at start, log what the MCU sent ---------------------
send = write("at.txt", b"AT\r\n", "wb")
log = os.path.join(TMP, "rx.log")
FILE_PARTS = write("file.parts", 'uart modem rx=D12 tx=D10 mode=file send_file="%s" log="%s" start=2ms\n'
                   % (send, log))
FILE = write("file.py", """\
from machine import UART, Pin
import time, sim
u = UART(1, 115200, tx=Pin(4), rx=Pin(5))
t0 = time.ticks_us()
while not u.any():
    time.sleep_us(10)
print("first byte after", time.ticks_diff(time.ticks_us(), t0) // 100 * 100, "us")
time.sleep_ms(2)
print(u.read())
u.write(b"OK\\r\\n\\x00\\xff")
u.flush()
time.sleep_ms(1)
print(sim.part("modem").received)
""")
rc, out, err = bb("--parts", FILE_PARTS, FILE)
with open(log, "rb") as f:
    logged = f.read()
# start=2ms: the first frame starts at 2 ms, its byte is in the FIFO 9.5 bits later
check(rc == 0 and "first byte after 2000 us\nb'AT\\r\\n'\nOK\r\n\\x00\\xff\n" in out,
      "file: send_file sent at start=2ms, received text escapes non-text bytes", (rc, out, err))
check(logged == b"OK\r\n\x00\xff", "file: the log holds the raw bytes received", logged)
FILE_BAD = write("filebad.parts", 'uart rx=D12 send_file="%s/none.txt"\n' % TMP)
rc, out, err = bb("--parts", FILE_BAD, LOOP)
check(rc == 2 and "filebad.parts:1:" in err and "cannot open" in err, "file: a missing send_file is a load error",
      (rc, err))
POS_BAD = write("posbad.parts", "uart D12 D10\n")
rc, out, err = bb("--parts", POS_BAD, LOOP)
check(rc == 2 and "posbad.parts:1: uart takes its pins by role: write rx=PIN tx=PIN" in err,
      "pins by role only", (rc, err))

# --- stimulus: set PART.send at a time, expect PART.received --------------------
STIM_PARTS = write("stim.parts", "uart dev rx=D12 tx=D10\n")
STIM = write("dev.stim", '@20ms set dev.send "hello\\n"\n@100ms expect dev.received "ack hello\\n"\n'
             '@100ms expect dev.sent 6\n')
DEV = write("dev.py", """\
from machine import UART, Pin
import time
u = UART(1, 115200, tx=Pin(4), rx=Pin(5), timeout=200)
line = u.readline()
print(line, time.ticks_ms())
u.write(b"ack " + line)
u.flush()
""")
rc, out, err = bb("--parts", STIM_PARTS, "--stimulus", STIM, DEV)
check(rc == 0 and out.startswith("b'hello\\n' 20\n") and "2 checks, 2 passed" in err,
      "stimulus `set dev.send` at 20 ms; expect dev.received", (rc, out, err))

# --- console input: stimulus serial lines through sys.stdin and select.poll -----
CON_STIM = write("con.stim", '@50ms serial "abcde"\n@80ms serial "line two\\n"\n@120ms serial "xyz"\n'
                 '@3s serial "late\\n"\n')
CON = write("con.py", """\
import sys, time, select
t0 = time.ticks_ms()
p = select.poll()
p.register(sys.stdin, select.POLLIN)
print("poll(0)", p.poll(0))
r = p.poll(1000)
print("poll", len(r), r[0][0] is sys.stdin, r[0][1] & select.POLLIN, time.ticks_diff(time.ticks_ms(), t0))
print(repr(sys.stdin.read(5)), time.ticks_diff(time.ticks_ms(), t0))
print(repr(sys.stdin.readline()), time.ticks_diff(time.ticks_ms(), t0))
print(repr(sys.stdin.buffer.read(3)), time.ticks_diff(time.ticks_ms(), t0))
t1 = time.ticks_ms()
print("timeout", p.poll(30), time.ticks_diff(time.ticks_ms(), t1))
r, w, x = select.select([sys.stdin], [], [], 5)
print("select", r == [sys.stdin], time.ticks_diff(time.ticks_ms(), t0) // 100)
print(repr(input()))
""")
t = time.time()
rc, out, err = bb("--stimulus", CON_STIM, CON)
wall = time.time() - t
want = ["poll(0) []", "poll 1 True 1 50", "'abcde' 50", "'line two\\n' 80", "b'xyz' 120", "timeout [] 30",
        "select True 30", "'late'"]
check(rc == 0 and out.splitlines() == want, "console: poll, read(5), readline, buffer.read, select at their times",
      (rc, out, err))
check(wall < 2.5, "console: waits are virtual (--speed max: 3 s of waiting take no wall time)", wall)

# no stimulus, stdin a pipe: reading works as on the host
PIPE = write("pipe.py", """\
import sys, select
p = select.poll()
p.register(sys.stdin, select.POLLIN)
print(len(p.poll(1000)))
print(repr(sys.stdin.readline()), repr(sys.stdin.read()))
""")
rc, out, err = bb(PIPE, stdin=b"one\ntwo")
check(rc == 0 and out == "1\n'one\\n' 'two'\n", "console: a piped stdin without a stimulus", (rc, out, err))

done()
