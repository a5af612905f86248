"""USB HID on the virtual board (docs/usb.md): micropython-lib's
usb.device.keyboard / usb.device.mouse API, the Arduino Keyboard and Mouse
objects, the host's view (typed text, pointer, lock keys) through sim, the
usbhost part with the stimulus file, and the trace lines with their times.

Expected values are worked out here from the rules: the host configures the
device 200 ms after init(), polls a keyboard (micropython-lib: every 8 ms)
or the Arduino interfaces (every 1 ms) on a grid from that moment, and
collects a queued report at the first poll after it."""
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cliutil import check, done, run  # noqa: E402

TMP = tempfile.mkdtemp(prefix="bb-usbhid-")
USB = re.compile(r"^(\d+)\.(\d{9}) usb (.*)$")


def board(src, *args, board=None, files=None):
    p = os.path.join(TMP, "s.py")
    with open(p, "w") as f:
        f.write(src)
    for name, text in (files or {}).items():
        with open(os.path.join(TMP, name), "w") as f:
            f.write(text)
    opts = ["--speed", "max"] + (["--board", board] if board else []) + list(args)
    return run(opts + [p], cwd=TMP)


def usb_lines(out):
    """[(time_ns, event)] of the trace's usb lines."""
    r = []
    for line in out.splitlines():
        m = USB.match(line)
        if m:
            r.append((int(m.group(1)) * 10**9 + int(m.group(2)), m.group(3)))
    return r


def printed(out):
    return [l for l in out.splitlines() if not USB.match(l) and not re.match(r"^\d+\.\d{9} ", l)]


# --- US layout: the reports a correct keyboard sends for a text -------------------------------
def us_key(c):
    """-> (modifier byte, usage) for an ASCII character on a US keyboard."""
    if c.isalpha():
        return (2 if c.isupper() else 0), 4 + ord(c.lower()) - ord("a")
    row, shifted = "1234567890", "!@#$%^&*()"
    if c in row:
        return 0, 0x1E + row.index(c)
    if c in shifted:
        return 2, 0x1E + shifted.index(c)
    plain, shift = "-=[]\\;'`,./", "_+{}|:\"~<>?"
    codes = [0x2D, 0x2E, 0x2F, 0x30, 0x31, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38]
    if c in plain:
        return 0, codes[plain.index(c)]
    if c in shift:
        return 2, codes[shift.index(c)]
    return 0, {" ": 0x2C, "\n": 0x28, "\t": 0x2B}[c]


def report_text(mods, keys=()):
    r = [mods, 0] + list(keys) + [0] * (6 - len(keys))
    return "kbd report " + " ".join("%02x" % b for b in r)


TEXT = "Hello, World!\n"

# --- micropython-lib keyboard: typing a text, the trace and its times -----------------------
rc, out, err = board("""
import time, sim
import usb.device
from usb.device.keyboard import KeyboardInterface, KeyCode as KC
k = KeyboardInterface()
print("before", k.is_open(), k.send_keys([KC.A]))
t0 = sim.now_us()
usb.device.get().init(k, builtin_driver=True)
print("open at once", k.is_open(), k.send_keys([KC.A]))
while not k.is_open():
    time.sleep_ms(1)
print("configured after", (sim.now_us() - t0) // 1000 in (200, 201, 202), "ms")
US = {c: ([KC.LEFT_SHIFT] if c.isupper() else []) + [getattr(KC, c.upper())] for c in "HeloWrd"}
US.update({",": [KC.COMMA], " ": [KC.SPACE], "!": [KC.LEFT_SHIFT, KC.N1], "\\n": [KC.ENTER]})
for c in %r:
    k.send_keys(US[c])
    k.send_keys([])
time.sleep_ms(20)
print(repr(sim.usb_typed()))
print(len(sim.usb_reports("kbd")), sim.usb_host()["key_presses"])
""" % TEXT, "--trace", "-")
pr, ul = printed(out), usb_lines(out)
check(rc == 0 and pr[:3] == ["before False False", "open at once False False", "configured after True ms"],
      "keyboard: not open and sends refused (False, nothing queued) until the host configures it 200 ms later",
      (pr, err))
check(pr[3:5] == [repr(TEXT), "28 14"], "keyboard: the host typed 'Hello, World!\\n' (28 reports, 14 key presses)",
      pr)
want = []
for c in TEXT:
    m, u = us_key(c)
    want += [report_text(m, [u]), report_text(0)]
got = [e for t, e in ul if e.startswith("kbd report")]
check(got == want, "keyboard: the trace has each key's down and up report, Shift for H and !", got[:6])
attach = [t for t, e in ul if e == "attach cdc kbd"]
conf = [t for t, e in ul if e == "configured"]
times = [t for t, e in ul if e.startswith("kbd report")]
check(len(attach) == 1 and len(conf) == 1 and conf[0] - attach[0] == 200_000_000,
      "trace: 'usb attach cdc kbd', then 'usb configured' 200 ms later", ul[:2])
check(len(times) == 28 and all(t - conf[0] == 8_000_000 * (i + 1) for i, t in enumerate(times)),
      "trace: reports collected one per 8 ms poll from the configuration (send_keys waits for the endpoint)",
      [(t - conf[0]) / 1e6 for t in times[:4]] if conf else ul)

# --- LEDs: the Caps Lock key, the host's lock state, on_led_update ----------------------------
rc, out, err = board("""
import time, sim
import usb.device
from usb.device.keyboard import KeyboardInterface, KeyCode as KC, LEDCode
seen = []
class K(KeyboardInterface):
    def on_led_update(self, mask):
        seen.append((mask, sim.now_us()))
k = K()
usb.device.get().init(k, builtin_driver=True)
while not k.is_open():
    time.sleep_ms(1)
for keys in ([KC.A], [], [KC.CAPS_LOCK], [], [KC.A], [], [KC.LEFT_SHIFT, KC.B], [], [KC.N1], []):
    k.send_keys(keys)
time.sleep_ms(20)
print(repr(sim.usb_typed()), sim.usb_host()["leds"] == LEDCode.CAPS_LOCK)
print([m for m, t in seen])
sim.usb_leds(0)                       # Caps Lock turned off from the PC's other keyboard
time.sleep_ms(5)
k.send_keys([KC.A]); k.send_keys([]); time.sleep_ms(20)
print([m for m, t in seen], repr(sim.usb_typed()))
# more than six keys: the rollover report, ignored by the host
k.send_keys([KC.C, KC.D, KC.E, KC.F, KC.G, KC.H, KC.I]); k.send_keys([]); time.sleep_ms(20)
print(sim.usb_reports("kbd")[-2][2], repr(sim.usb_typed()))
""", "--trace", "-")
pr, ul = printed(out), usb_lines(out)
check(rc == 0 and pr[:2] == ["'aAb1' True", "[2]"],
      "Caps Lock: the host toggles its lock (A with caps, b with caps+Shift, digits unchanged), on_led_update(2)",
      (pr, err))
caps = [t for t, e in ul if e == report_text(0, [0x39])]
leds = [t for t, e in ul if e.startswith("kbd leds")]
check(len(caps) == 1 and len(leds) == 2 and leds[0] - caps[0] == 1_000_000 and
      [e for t, e in ul if e.startswith("kbd leds")] == ["kbd leds 02", "kbd leds 00"],
      "trace: 'usb kbd leds 02' one frame (1 ms) after the Caps Lock report, then 'leds 00' from sim.usb_leds",
      ul)
check(pr[2:4] == ["[2, 0] 'aAb1a'", "b'\\x00\\x00\\x01\\x01\\x01\\x01\\x01\\x01' 'aAb1a'"],
      "sim.usb_leds(0) reaches on_led_update; 7 keys send ErrorRollOver, which types nothing", pr)

# --- mouse ---------------------------------------------------------------------------------------
rc, out, err = board("""
import time, sim
import usb.device
from usb.device.mouse import MouseInterface
m = MouseInterface()
usb.device.get().init(m, builtin_driver=True)
while not m.is_open():
    time.sleep_ms(100)
print(m.move_by(5, 0), m.move_by(-100, 20), m.click_left(), m.click_left(False))
m.click_right(True); m.click_middle(True); m.click_right(False); m.click_middle(False)
for v in (128, -128):
    try:
        m.move_by(v, 0)
    except ValueError as e:
        print("ValueError", e)
try:
    m.move_by(0, 300)
except ValueError as e:
    print("ValueError", e)
time.sleep_ms(20)
h = sim.usb_host()
print(h["x"], h["y"], h["buttons"], h["presses"], h["interfaces"])
""", "--trace", "-")
pr, ul = printed(out), usb_lines(out)
check(rc == 0 and pr == ["True True True True", "ValueError dx", "ValueError dx", "ValueError dy",
                         "-95 20 0 (1, 1, 1) ['mouse']"],
      "mouse: move_by/click_* queue reports; dx/dy outside -127..127 is ValueError; the pointer is at (-95, 20)",
      (pr, err))
mouse = [e for t, e in ul if e.startswith("mouse")]
check(mouse[:4] == ["mouse buttons=0 dx=5 dy=0", "mouse buttons=0 dx=-100 dy=20", "mouse buttons=1 dx=0 dy=0",
                    "mouse buttons=0 dx=0 dy=0"] and len(mouse) == 8,
      "trace: 'usb mouse buttons=1 dx=5 dy=0' lines, 3-byte reports (no wheel)", mouse)

# --- boards: rp2 and esp32-s3 have machine.USBDevice, the stm32 boards do not --------------------
SRC = """
import usb.device, sim
from usb.device.keyboard import KeyboardInterface
k = KeyboardInterface()
try:
    usb.device.get().init(k, builtin_driver=True)
    sim.advance(250000)
    print("open", k.is_open())
except AttributeError as e:
    print("AttributeError:", e)
"""
for b, want in (("nano-rp2040", "open True"), ("rpi-pico", "open True"), ("nano-esp32", "open True"),
                ("giga-r1", "AttributeError: 'module' object has no attribute 'USBDevice'"),
                ("portenta-h7", "AttributeError: 'module' object has no attribute 'USBDevice'")):
    rc, out, err = board(SRC, board=b)
    check(rc == 0 and out.strip() == want, "%s: %s" % (b, want), (out, err))

# --- device life cycle and errors ---------------------------------------------------------------
rc, out, err = board("""
import sim, usb.device
from usb.device.keyboard import KeyboardInterface
from usb.device.mouse import MouseInterface
from usb.device.hid import HIDInterface
from usb.device.core import Interface
d = usb.device.get()
print(d is usb.device.get(), d.active())
k, m = KeyboardInterface(), MouseInterface()
d.init(k, m, builtin_driver=True, manufacturer_str="Breadboard", id_vendor=0x1234)
sim.advance(250000)
print(d.active(), k.is_open(), m.is_open(), sim.usb_host()["interfaces"])
d.init(m, builtin_driver=True)          # re-enumeration: the keyboard is gone
print(k.is_open(), m.is_open())
sim.advance(250000)
print(k.is_open(), m.is_open(), k.send_keys([4]))
d.active(False)
print(d.active(), m.is_open(), m.move_by(1, 1))
for f in (lambda: d.init(k, bogus=1), lambda: d.init(Interface()), lambda: d.init(*[MouseInterface() for i in range(5)]),
          lambda: d.init(HIDInterface(b"", interval_ms=0), builtin_driver=True), lambda: d.init("kbd")):
    try:
        f()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
h = HIDInterface(b"\\x06\\x00\\xff", protocol=0, interval_ms=4)
d.init(h, builtin_driver=True)
sim.advance(250000)
print(h.send_report(b"\\x01\\x7f"), h.busy())
for bad in (b"", bytes(65)):
    try:
        h.send_report(bad)
    except ValueError as e:
        print("ValueError", e)
sim.advance(10000)
print([r[1:] for r in sim.usb_reports("hid")])
""", "--trace", "-")
pr, ul = printed(out), usb_lines(out)
check(rc == 0 and pr[:5] == ["True False", "True True True ['kbd', 'mouse']", "False False", "False True False",
                              "False False False"],
      "life cycle: get() is a singleton, init() enumerates, a new init() closes interfaces left out, active(False)",
      (pr, err))
check(pr[5:10] == ["TypeError unexpected keyword argument 'bogus'",
                   "NotImplementedError Breadboard models USB HID interfaces only, not Interface",
                   "ValueError at most 4 USB HID interfaces", "no error",
                   "TypeError not a USB interface: 'kbd'"],
      "errors: unknown keyword, non-HID interface, too many interfaces, a bad argument", pr[5:10])
check(pr[10:] == ["True True", "ValueError a report is 1..64 bytes", "ValueError a report is 1..64 bytes",
                  "[('hid', b'\\x01\\x7f')]"],
      "a custom HID interface: its report logged; empty or >64-byte reports refused", pr[10:])
check([e for t, e in ul if e.startswith(("attach", "detach", "hid"))] ==
      ["attach cdc kbd mouse", "detach", "attach cdc mouse", "detach", "attach cdc hid", "detach", "attach cdc hid",
       "hid report 01 7f"], "trace: attach/detach lines for each (re)enumeration, 'usb hid report 01 7f'", ul)
conf = [t for t, e in ul if e == "configured"]
hid = [t for t, e in ul if e.startswith("hid report")]
check(conf and hid and hid[0] - conf[-1] == 52_000_000,
      "a report queued 50 ms after configuration is collected at the interface's next 4 ms poll (52 ms)",
      (conf, hid))

rc, out, err = board("""
import usb.device, sim
from usb.device.keyboard import KeyboardInterface
usb.device.get().init(KeyboardInterface())
print("still printing")
""")
check(rc == 0 and out == "still printing\n" and "builtin_driver=False" in err and "serial" in err,
      "builtin_driver=False: a note on stderr (the board would lose its USB serial console)", (out, err))

# --- Arduino Keyboard and Mouse ------------------------------------------------------------------
rc, out, err = board("""
from arduino import *
import sim
Keyboard.print("lost")                   # before begin: no device, nothing typed
Keyboard.begin()
Mouse.begin()
print(Keyboard.print("too soon"))        # the host has not configured the device yet
delay(250)
print(Keyboard.print("Hello, World!\\n"))
print(Keyboard.println("ok"), Keyboard.println(42), Keyboard.write('A'), Keyboard.write(KEY_BACKSPACE))
print(Keyboard.press(KEY_LEFT_CTRL), Keyboard.press('c'), Keyboard.releaseAll())
print(Keyboard.print("x\\x01y"), [Keyboard.press(c) for c in "1234567"])
Keyboard.releaseAll()
Mouse.move(10, -5, 1)
Mouse.click(MOUSE_RIGHT)
Mouse.press(); print(Mouse.isPressed(), Mouse.isPressed(MOUSE_RIGHT), Mouse.isPressed(MOUSE_ALL)); Mouse.release()
Mouse.move(200, 0)
delay(10)
print(repr(sim.usb_typed()))
h = sim.usb_host()
print(h["x"], h["y"], h["wheel"], h["presses"], h["interfaces"])
""", "--trace", "-")
pr, ul = printed(out), usb_lines(out)
check(rc == 0 and pr[:6] == ["8", "14", "3 3 1 1", "1 1 None", "1 [1, 1, 1, 1, 1, 1, 0]", "True False True"],
      "Arduino: print returns the characters typed, println adds one Enter, a 7th key and \\x01 are refused",
      (pr, err))
check(pr[6:] == ["'Hello, World!\\nok\\n42\\nx123456'", "-46 -5 1 (1, 1, 0) ['kbd', 'mouse']"],
      "Arduino: the host typed the text (Backspace removed the A, Ctrl+c typed nothing); "
      "Mouse.move(200) wraps to -56 as a signed char", pr[6:])
kb = [(t, e) for t, e in ul if e.startswith("kbd report")]
conf = [t for t, e in ul if e == "configured"]
check(conf and kb and kb[0][1] == report_text(2, [0x0b]) and
      all(b[0] - a[0] == 1_000_000 for a, b in zip(kb, kb[1:16])),
      "Arduino: the first report is Shift+h, one per 1 ms poll (Arduino's HID bInterval)", kb[:3])
ms = [e for t, e in ul if e.startswith("mouse")]
check(ms[:3] == ["mouse buttons=0 dx=10 dy=-5 wheel=1", "mouse buttons=2 dx=0 dy=0 wheel=0",
                 "mouse buttons=0 dx=0 dy=0 wheel=0"] and ms[-1] == "mouse buttons=0 dx=-56 dy=0 wheel=0",
      "Arduino: Mouse reports carry the wheel byte; click = press + release", ms)
check("attach cdc kbd mouse" in [e for t, e in ul], "Arduino: begin() makes a keyboard + mouse composite", ul[:2])

# --- the usbhost part, the stimulus file, sim.part ----------------------------------------------
PARTS = "usbhost usb enum_delay=100ms\n"
STIM = ('@0      set usb.caps_lock 1\n'
        '@500ms  expect usb.typed "HI\\n"\n'
        '@500ms  expect usb.configured 1\n'
        '@500ms  expect usb.keys 3\n'
        '@600ms  expect usb.x 7\n')
rc, out, err = board("""
import time, sim
import usb.device
from usb.device.keyboard import KeyboardInterface, KeyCode as KC
from usb.device.mouse import MouseInterface
got = []
class K(KeyboardInterface):
    def on_led_update(self, mask):
        got.append(mask)
k, m = K(), MouseInterface()
usb.device.get().init(k, m, builtin_driver=True)
while not k.is_open():
    time.sleep_ms(1)
print("configured at 100 ms:", 100 <= sim.now_us() // 1000 <= 102)
for keys in ([KC.H], [], [KC.I], [], [KC.ENTER], []):
    k.send_keys(keys)
m.move_by(7, 0)
time.sleep_ms(20)
p = sim.part("usb")
print(got, repr(p.typed), p.caps_lock, p.keys, p.x, p.kind)
""", "--parts", "c.parts", "--stimulus", "t.stim", "--until", "1s", "--trace", "-",
    files={"c.parts": PARTS, "t.stim": STIM})
pr = printed(out)
check(rc == 0 and pr == ["configured at 100 ms: True", "[2] 'HI\\n' True 3 7 usbhost"] and
      "4 checks, 4 passed" in err,
      "usbhost part: enum_delay=100ms, caps_lock set by the stimulus reaches on_led_update; "
      "expect usb.typed/configured/keys/x pass", (pr, err))
rc, out, err = board("""
import time, usb.device
from usb.device.keyboard import KeyboardInterface
k = KeyboardInterface()
usb.device.get().init(k, builtin_driver=True)
time.sleep_ms(300)
k.send_keys([5]); k.send_keys([])
""", "--parts", "c.parts", "--stimulus", "t.stim", "--until", "1s",
    files={"c.parts": PARTS, "t.stim": '@1s expect usb.typed "a"\n'})
check(rc == 1 and "expect usb.typed \"a\"" in err and "FAIL" in err,
      "stimulus: a wrong expect usb.typed fails the run (status 1)", (out, err))
rc, out, err = board("pass\n", "--parts", "c.parts", files={"c.parts": "usbhost usb D2\n"})
check(rc == 2 and "c.parts:1:" in err, "parts file: the usbhost has no pins (a pin is an error)", err)

# --- --until while the host is polling: a clean end ---------------------------------------------
rc, out, err = board("""
import usb.device
from usb.device.keyboard import KeyboardInterface
k = KeyboardInterface()
usb.device.get().init(k, builtin_driver=True)
while True:
    k.send_keys([4]); k.send_keys([])
""", "--until", "1s", "--trace", "-")
ul = usb_lines(out)
conf = [t for t, e in ul if e == "configured"]
n = len([e for t, e in ul if e.startswith("kbd report")])
check(rc == 0 and conf and n == (10**9 - conf[0]) // 8_000_000 and err == "",
      "--until 1s: a report every 8 ms from the configuration up to 1 s, then a clean exit", (n, conf, err))

shutil.rmtree(TMP, ignore_errors=True)
done()
