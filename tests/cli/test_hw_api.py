"""The hardware API, port by port, as issue #4 lists it (docs/board.md,
"machine" and "time"): Pin's methods and what a mode number means on each
port, Signal, the invalid-pin errors, Timer ids, ticks wrap-around.  Each
check runs a script on the board and looks at what it printed and, where a
pad is involved, at the pad itself (sim.level / --trace)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cliutil import check, done, parse_trace, run, scratch  # noqa: E402

TMP, write = scratch("bb-hwapi-")


def bb(src, board=None, *opts):
    p = write("s.py", src)
    return run(["--speed", "max"] + (["--board", board] if board else []) + list(opts) + [p])


RP2, ESP32, STM32 = "nano-rp2040", "nano-esp32", "giga-r1"

# --- Pin methods per port ----------------------------------------------------
METHODS = """
from machine import Pin
p = Pin(%r, Pin.OUT)
print([m for m in ("on", "off", "low", "high", "toggle", "mode", "pull", "value", "init", "irq") if hasattr(p, m)])
"""
for board, pin, want in ((RP2, 25, "['on', 'off', 'low', 'high', 'toggle', 'value', 'init', 'irq']"),
                         (ESP32, 5, "['on', 'off', 'toggle', 'value', 'init', 'irq']"),
                         (STM32, "PA3", "['on', 'off', 'low', 'high', 'mode', 'pull', 'value', 'init', 'irq']")):
    rc, out, err = bb(METHODS % pin, board)
    check(rc == 0 and out.strip() == want, "%s: Pin has the port's methods %s" % (board, want), (out, err))

rc, out, err = bb("""
import sim
from machine import Pin
p = Pin(25, Pin.OUT, value=1)
r = [p(), p.value()]
p(0); r.append(sim.level(25))
p.on(); r.append(sim.level(25))
p.toggle(); r.append(sim.level(25))
p.high(); r.append(p())
p.low(); r.append(p())
print(r)
""")
check(rc == 0 and out.strip() == "[1, 1, 0, 1, 0, 1, 0]", "rp2: value=, __call__, on/off/toggle/high/low move the pad",
      (out, err))

rc, out, err = bb("""
from machine import Pin
p = Pin("PA3", Pin.IN, Pin.PULL_UP)
print(p.mode() == Pin.IN, p.pull() == Pin.PULL_UP)
p.init(Pin.OUT, Pin.PULL_NONE, value=1)
print(p.mode() == Pin.OUT, p.pull() == Pin.PULL_NONE, p())
""", STM32)
check(rc == 0 and out.split() == ["True"] * 4 + ["1"], "stm32: mode()/pull() read back what init set", (out, err))

# --- pyb.Pin extras (stm32): Pin.cpu, Pin.board, names/port/pin/gpio/af -----------
PYBPIN = """
import pyb
P = Pin = pyb.Pin
p = P.cpu.A9
print(P.cpu.A9 is P("PA9"), P.board.UART1_TX is p, p.names(), p.port(), p.pin(), hex(p.gpio()), p.af())
q = P("PC6", P.AF_PP, af=2)
print(q.af(), hex(P.cpu.K7.gpio()), P.cpu.K7.port(), P.cpu.K7.pin(), eval(repr(q)) is q)
for ns, n in ((P.cpu, "Q1"), (P.board, "A9")):
    try:
        getattr(ns, n)
    except AttributeError as e:
        print(e)
"""
for board, names in ((STM32, "['A9', 'UART1_TX']"), ("portenta-h7", "['A9', 'D14', 'UART1_TX']")):
    rc, out, err = bb(PYBPIN, board)
    check(rc == 0 and out.splitlines() == [
        "True True %s 0 9 0x58020000 0" % names, "2 0x58022800 10 7 True",
        "type object 'cpu' has no attribute 'Q1'", "type object 'board' has no attribute 'A9'"],
        "%s: pyb.Pin.cpu/.board find pins (the repr's Pin.cpu.C6 evaluates); names port pin gpio af" % board,
        (out, err))

# --- Pin(5, Pin.PULL_UP): the pull passed as the mode --------------------------
# rp2 and stm32: PULL_UP == 1 == OUT, an output driven low.  esp32: PULL_UP == 2,
# which the port hands to ESP-IDF as gpio_mode_t 2, GPIO_MODE_OUTPUT: the pad is
# driven, but the input buffer is off, so value() reads 0 even when it is high.
PULLMODE = """
import sim
from machine import Pin
p = Pin(5, Pin.PULL_UP)
a = p.value()
p.value(1)
print(a, p.value(), sim.level(5))
"""
for board, want in ((RP2, "0 1 1"), ("rpi-pico", "0 1 1"), (ESP32, "0 0 1")):
    rc, out, err = bb(PULLMODE, board, "--trace", "-")
    tr = parse_trace(out)
    outmode = any(e.startswith("mode OUT") for t, s, e in tr)
    check(rc == 0 and want in out.splitlines() and outmode,
          "%s: Pin(5, Pin.PULL_UP) is an output (mode OUT in the trace); prints %s" % (board, want), (out, err))
rc, out, err = bb(PULLMODE.replace("Pin(5, Pin.PULL_UP)", "Pin('PA5', Pin.PULL_UP)").replace("(5)", "('PA5')"),
                  STM32)
check(rc == 0 and out.strip() == "0 1 1", "stm32: Pin('PA5', Pin.PULL_UP) is OUT (PULL_UP == OUT_PP == 1)",
      (out, err))
rc, out, err = bb("""
import sim
from machine import Pin
for mode in (0, 1, 2, 3, 6, 7):
    p = Pin(5, mode, value=1)
    print(mode, p.value(), sim.level(5), end="; ")
try:
    Pin(5, 8)
except ValueError as e:
    print(e)
""", ESP32)
check(rc == 0 and out.strip() == "0 0 0; 1 0 0; 2 0 1; 3 1 1; 6 0 1; 7 1 1; invalid pin mode: 8",
      "esp32: mode numbers are ESP-IDF gpio_mode_t bits (1 input, 2 output, 4 open drain)", (out, err))

# --- open drain ----------------------------------------------------------------
OD = """
import sim
from machine import Pin
p = Pin(%r, Pin.OPEN_DRAIN, %s, value=0)
a = sim.level(%r)
p(1)
print(a, sim.level(%r), p())
"""
for board, pin, pull in ((RP2, 5, "Pin.PULL_UP"), (ESP32, 5, "Pin.PULL_UP"), (STM32, "PA3", "Pin.PULL_UP")):
    rc, out, err = bb(OD % (pin, pull, pin, pin), board)
    check(rc == 0 and out.strip() == "0 1 1", "%s: OPEN_DRAIN drives low, releases for 1 (the pull-up raises it)" % board,
          (out, err))

# --- Signal -----------------------------------------------------------------------
SIG = """
import sim
from machine import Pin, Signal
s = Signal(Pin(%r, Pin.OUT), invert=True)
s.on(); a = sim.level(%r)
s.off(); b = sim.level(%r)
s(1); c = s()
t = Signal(%r, Pin.OUT, invert=False)
t.value(1)
print(a, b, c, sim.level(%r), repr(s))
"""
for board, pin in ((RP2, 6), (ESP32, 6), (STM32, "PA3")):
    rc, out, err = bb(SIG % ((pin,) * 5), board)
    check(rc == 0 and out.strip() == "0 1 1 1 <Signal>",
          "%s: Signal(invert=True) on() drives low; Signal(id, mode) builds the Pin; repr <Signal>" % board, (out, err))

# --- invalid pins ------------------------------------------------------------------
BAD = """
from machine import Pin
for p in %s:
    try:
        Pin(p)
        print("ok")
    except ValueError as e:
        print(e)
"""
for board, ids, want in ((RP2, "(30, -1, 'XYZ')", ["invalid pin", "invalid pin", 'unknown named pin "XYZ"']),
                         (ESP32, "(22, 49, -1)", ["invalid pin"] * 3),
                         (STM32, "('PZ1', 1000, 'XYZ')", ["Pin(PZ1) doesn't exist", "Pin(1000) doesn't exist",
                                                         "Pin(XYZ) doesn't exist"])):
    rc, out, err = bb(BAD % ids, board)
    check(rc == 0 and out.splitlines() == want, "%s: invalid pins are ValueErrors worded as the port's" % board,
          (out, err))

# --- Timer ids ----------------------------------------------------------------------
TIMERS = """
from machine import Timer
ok = []
for i in (-1, 0, 1, 2, 3, 4):
    try:
        Timer(i); ok.append(i)
    except ValueError as e:
        msg = str(e)
print(ok, msg)
"""
for board, want in ((RP2, "[-1] Timer doesn't exist"), (ESP32, "[0, 1, 2, 3] invalid Timer number"),
                    (STM32, "[-1] Timer doesn't exist")):
    rc, out, err = bb(TIMERS, board)
    check(rc == 0 and out.strip() == want, "%s: machine.Timer ids %s" % (board, want), (out, err))

rc, out, err = bb("""
import time
from machine import Timer
hits = []
t0 = time.ticks_us()
Timer(-1, mode=Timer.ONE_SHOT, period=5, callback=lambda t: hits.append(("one", time.ticks_diff(time.ticks_us(), t0))))
per = Timer(-1)
per.init(mode=Timer.PERIODIC, freq=100, callback=lambda t: hits.append(("per", time.ticks_diff(time.ticks_us(), t0))))
time.sleep_ms(35)
per.deinit()
time.sleep_ms(30)
print([k for k, _ in hits], all(abs(us - want) < 50 for (_, us), want in zip(hits, (5000, 10000, 20000, 30000))))
""")
check(rc == 0 and out.strip() == "['one', 'per', 'per', 'per'] True",
      "rp2: Timer(-1) one-shot (period=5 ms) and periodic (freq=100) callbacks at their times; deinit stops",
      (out, err))

# --- ticks wrap ------------------------------------------------------------------------
TICKS = """
import time
P = 2**30
print(time.ticks_add(P - 1, 1), time.ticks_add(0, -1) == P - 1, time.ticks_diff(0, P - 1),
      time.ticks_diff(2**29, 0), time.ticks_diff(2**29 - 1, 0))
try:
    time.ticks_add(0, 2**29)
except OverflowError as e:
    print(e)
"""
for board in (RP2, ESP32, STM32):
    rc, out, err = bb(TICKS, board)
    check(rc == 0 and out.splitlines() == ["0 True 1 -536870912 536870911", "ticks interval overflow"],
          "%s: ticks wrap at 2**30; ticks_diff is signed, half the period is negative" % board, (out, err))

done()
