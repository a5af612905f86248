"""machine.UART / I2C / SoftI2C / SPI / SoftSPI on the virtual board, with
the sim peers (uart_loopback, uart_send, uart_received, i2c_memory,
spi_loopback): frame timing in --trace, read/any/readline/timeout
semantics on the virtual clock, I2C scan and register round trips, the
ports' errno for a missing device, SPI full duplex."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cliutil import check, done, run, scratch  # noqa: E402

TMP, script = scratch("bb-bus-")


def bb(src, *opts, name="t.py"):
    rc, out, err = run(["--speed", "max"] + list(opts) + [script(name, src)])
    return rc, out, err


# --- UART loopback: the frame of 'A' at 9600 baud, bit by bit ----------------
rc, out, err = bb("""
import sim
from machine import UART
u = UART(0, 9600)
sim.uart_loopback(0)
t0 = sim.now_us()
print("T0", t0)
assert u.write(b"A") == 1
u.flush()
print("READ", u.read())
print("SENT", sim.uart_received(0))
""", "--trace", "-")
check(rc == 0, "uart loopback runs", (rc, err))
check("READ b'A'" in out and "SENT b'A'" in out, "uart loopback echoes", out)
# 'A' = 0x41: start 0, bits LSB first 1 0 0 0 0 0 1 0, stop 1 -> edges on TX (D1 = GPIO0)
edges = [(int(s.replace(".", "")), lvl) for s, lvl in re.findall(r"^(\d+\.\d+) D1 (high|low)$", out, re.M)]
edges = [e for e in edges if e[0] > 2000]  # after the idle-high of attach
check(len(edges) >= 6, "TX frame edges in the trace", out)
if len(edges) >= 6:
    t0 = edges[0][0]
    bit = 1e9 / 9600
    rel = [(round((t - t0) / bit), lvl) for t, lvl in edges]
    check(edges[0][1] == "low", "frame starts with the start bit (low)", edges)
    check(rel[:6] == [(0, "low"), (1, "high"), (2, "low"), (7, "high"), (8, "low"), (9, "high")],
          "frame of 0x41 has its edges at whole bit times", rel)
    # the rp2 divider on the 48 MHz clk_peri is exact at 9600 baud (16 x 312.5): within 10 ns, no drift
    exact = all(abs((t - t0) - round((t - t0) / bit) * bit) < 10 for t, _ in edges)
    check(exact, "edges at exact bit times, no drift", edges)
check(re.search(r"^\d+\.\d+ uart0 tx 0x41$", out, re.M), "trace logs the transmitted byte", out)

# --- any / read / readline / readinto / timeout on the virtual clock --------
rc, out, err = bb("""
import sim, time
from machine import UART
u = UART(1, 115200)
print(repr(u.read()), u.any())          # nothing, timeout 0: None at once
sim.uart_send(1, b"one\\ntwo")
print(u.any())                          # still on the wire
time.sleep_ms(2)
print(u.any())
print(u.readline(), u.readline(), u.readline())
sim.uart_send(1, b"xyz")
time.sleep_ms(1)
b = bytearray(8)
print(u.readinto(b, 2), bytes(b[:2]), u.read(1), u.readinto(b))
u.init(timeout=50)
t0 = sim.now_us()
print(u.read(3), (sim.now_us() - t0) // 1000)   # waits 50 ms, then None
sim.uart_send(1, b"late")
t0 = sim.now_us()
print(u.read(4), sim.now_us() - t0 < 1000)        # arrives within the timeout
print(u.write("abc"), u.txdone())
u.flush()
print(u.txdone(), sim.uart_received(1))
""")
lines = out.splitlines()
check(rc == 0, "uart read semantics run", (rc, err))
check(lines[:3] == ["None 0", "0", "7"], "any() counts only arrived bytes; empty read is None", lines)
check(lines[3:4] == ["b'one\\n' b'two' None"], "readline splits at newline, then partial, then None", lines)
check(lines[4:5] == ["2 b'xy' b'z' None"], "readinto(buf, n) and read(n) semantics", lines)
check(lines[5:6] == ["None 50"], "read waits timeout ms of virtual time, then None", lines)
check(lines[6:7] == ["b'late' True"], "read returns when the bytes arrive", lines)
check(lines[7:9] == ["3 False", "True b'abc'"], "write returns the count; flush/txdone; bytes on TX", lines)

rc, out, err = bb("""
from machine import UART, Pin
for f in (lambda: UART(2), lambda: UART(0, tx=Pin(5)), lambda: UART(0, bits=9)):
    try:
        f()
    except ValueError as e:
        print("VE", e)
""")
check(out.splitlines() == ["VE UART(2) doesn't exist", "VE bad TX pin", "VE invalid data bits"],
      "UART argument errors as on rp2", (out, err))

# --- I2C: scan, register round trip, errno for a missing device -------------
rc, out, err = bb("""
import sim, errno
from machine import I2C, SoftI2C, Pin
i2c = I2C(0, freq=100000)
print(i2c)
sim.i2c_memory(0, 0x50, 256)
sim.i2c_memory(0, 0x3c, 16)
print(i2c.scan())
i2c.writeto_mem(0x50, 0x10, b"\\x01\\x02\\x03")
print(i2c.readfrom_mem(0x50, 0x10, 3), sim.i2c_memory_read(0, 0x50, 0x10, 3))
sim.i2c_memory_write(0, 0x3c, 4, b"hi")
b = bytearray(2)
i2c.readfrom_mem_into(0x3c, 4, b)
print(b)
print(i2c.writeto(0x50, b"\\x20AB"), i2c.readfrom_mem(0x50, 0x20, 2))
i2c.writeto(0x50, b"\\x20", False)
print(i2c.readfrom(0x50, 2))
try:
    i2c.readfrom(0x51, 1)
except OSError as e:
    print("hw", e.args[0] == errno.EIO)
try:
    i2c.start()
except OSError as e:
    print("prim", e)
s = SoftI2C(scl=Pin(13), sda=Pin(12), freq=100000)
print(s.scan())
try:
    s.writeto(0x51, b"x")
except OSError as e:
    print("soft", e.args[0] == errno.ENODEV)
s.start(); print(s.write(bytes([0x50 << 1, 0x10]))); s.start()
print(s.write(bytes([0x50 << 1 | 1])))
r = bytearray(3); s.readinto(r); s.stop(); print(r)
s2 = SoftI2C(Pin(2), Pin(3))
print(s2.scan())
""", "--trace", os.path.join(TMP, "i2c.trace"))
lines = out.splitlines()
check(rc == 0, "i2c script runs", (rc, err))
check(lines[:1] == ["I2C(0, freq=100000, scl=13, sda=12, timeout=50000)"], "I2C repr as rp2", lines)
check(lines[1:2] == ["[60, 80]"], "scan finds the sim devices and nothing else", lines)
check(lines[2:3] == ["b'\\x01\\x02\\x03' b'\\x01\\x02\\x03'"], "writeto_mem/readfrom_mem round trip", lines)
check(lines[3:4] == ["bytearray(b'hi')"], "readfrom_mem_into sees sim.i2c_memory_write", lines)
check(lines[4:6] == ["3 b'AB'", "b'AB'"], "writeto returns ACKs; register pointer then readfrom", lines)
check(lines[6:7] == ["hw True"], "rp2 hardware I2C: missing device is OSError(EIO)", lines)
check(lines[7:8] == ["prim I2C operation not supported"], "hardware I2C has no primitives", lines)
check(lines[8:9] == ["[60, 80]"], "SoftI2C on the same pads sees the same devices", lines)
check(lines[9:10] == ["soft True"], "SoftI2C: missing device is OSError(ENODEV)", lines)
check(lines[10:13] == ["2", "1", "bytearray(b'\\x01\\x02\\x03')"], "SoftI2C start/write/readinto/stop", lines)
check(lines[13:14] == ["[]"], "a bus on other pads has no devices", lines)
with open(os.path.join(TMP, "i2c.trace")) as f:
    tr = f.read()
check(re.search(r"i2c0 addr 0x50 w ack", tr) and re.search(r"i2c0 addr 0x51 r nack", tr),
      "I2C transactions in the trace", tr[:2000])
# 100 kHz: a 1-byte write (start + addr + data + stop) takes 20 bit times = 200 us
rc, out, err = bb("""
import sim
from machine import I2C
sim.i2c_memory(0, 0x50)
i = I2C(0, freq=100000)
t0 = sim.now_us(); i.writeto(0x50, b"\\x00"); print(sim.now_us() - t0)
""")
us = int(out.strip() or -1) if rc == 0 else -1
check(200 <= us <= 210, "I2C transfer takes its bus time on the virtual clock", (out, err))

# --- SPI: write_readinto through a loopback device ---------------------------
rc, out, err = bb("""
import sim
from machine import SPI, SoftSPI, Pin
spi = SPI(0, baudrate=1000000)
print(spi)
sim.spi_loopback(0)
b = bytearray(4)
t0 = sim.now_us()
spi.write_readinto(b"\\x12\\x34\\x56\\x78", b)
print(b, sim.now_us() - t0 >= 32)
print(spi.read(2, 0xAA), spi.write(b"\\x01"), sim.spi_received(0))
r = bytearray(2); spi.readinto(r, 0x55); print(r)
try:
    spi.write_readinto(b"ab", bytearray(3))
except ValueError as e:
    print("VE", e)
print(SPI.MSB, SPI.LSB, SoftSPI.MSB, SoftSPI.LSB)
try:
    SPI(0, firstbit=SPI.LSB)
except ValueError as e:
    print("VE", e)
soft = SoftSPI(baudrate=100000, sck=Pin(2), mosi=Pin(3), miso=Pin(5))
sim.spi_loopback(soft)
print(soft.read(1, 0x42))
try:
    SoftSPI(sck=Pin(2))
except ValueError as e:
    print("VE", e)
""")
lines = out.splitlines()
check(rc == 0, "spi script runs", (rc, err))
check(lines[:1] == ["SPI(0, baudrate=1000000, polarity=0, phase=0, bits=8, sck=6, mosi=7, miso=4)"],
      "SPI repr with the rate the rp2 dividers reach from the 48 MHz clk_peri", lines)
check(lines[1:2] == ["bytearray(b'\\x124Vx') True"], "write_readinto through the loopback", lines)
check(lines[2:3] == ["b'\\xaa\\xaa' None b'\\x124Vx\\xaa\\xaa\\x01'"], "read(n, write) sends the fill byte", lines)
check(lines[3:4] == ["bytearray(b'UU')"], "readinto(buf, write)", lines)
check(lines[4:5] == ["VE buffers must be the same length"], "write_readinto length check", lines)
check(lines[5:6] == ["1 0 0 1"], "rp2 SPI.MSB/LSB and extmod SoftSPI constants", lines)
check(lines[6:7] == ["VE firstbit must be MSB"], "rp2 hardware SPI is MSB first only", lines)
check(lines[7:9] == ["b'B'", "VE must specify all of sck/mosi/miso"], "SoftSPI", lines)

# --- another board: ports' ids and errno ------------------------------------
rc, out, err = bb("""
import sim, errno
from machine import I2C
i = I2C(0)
print(i.scan())
try:
    i.readfrom(0x10, 1)
except OSError as e:
    print(e.args[0] == errno.ENODEV)
""", "--board", "nano-esp32")
check(rc == 0 and out.splitlines() == ["[]", "True"], "esp32 hardware I2C: ENODEV", (out, err))

done()
