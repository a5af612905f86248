# arduino.hid: Arduino's Keyboard and Mouse libraries (#include <Keyboard.h>,
# <Mouse.h>) over micropython-lib's usb.device API, so the same code runs on
# Breadboard (frozen usb.device) and on a board with usb-device installed.
#
#     from arduino import *          # Keyboard, Mouse, KEY_*, MOUSE_* come with it
#     Keyboard.begin()
#     delay(1000)                    # let the host enumerate the device first
#     Keyboard.print("Hello, World!\n")
#     Mouse.begin(); Mouse.move(10, -5); Mouse.click(MOUSE_RIGHT)
#
# The behaviour is the libraries' documented one (the Arduino reference:
# Keyboard.press/release/releaseAll/write/print/println, the KEY_* table;
# Mouse.begin/end/click/move/press/release/isPressed, MOUSE_LEFT/RIGHT/MIDDLE):
#   - Keyboard.press(k): k is an ASCII character (str of one char or its
#     code), typed on the US layout (capitals and shifted symbols add Left
#     Shift), a modifier KEY_LEFT_CTRL .. KEY_RIGHT_GUI (128..135), or a
#     special key KEY_* = 136 + its HID usage (KEY_RETURN 0xB0 ...).  Up to
#     six keys at once; a seventh, or a character the layout cannot type
#     (control characters other than Backspace, Tab and newline; non-ASCII),
#     returns 0 and sends nothing.  Each change sends the whole state.
#   - write(c) = press(c) then release(c); returns 1, or 0 when press failed.
#     print/println follow Arduino's Print (numbers formatted as for Serial),
#     typing each byte: "\r" is skipped (println's "\r\n" types one Enter) and
#     typing stops at the first byte that cannot be typed.  They return the
#     number of bytes typed.
#   - Mouse.move(x, y, wheel=0): the arguments are C `signed char`s, so they
#     wrap like one (200 moves -56): keep them within -127..127.
#     click(b=MOUSE_LEFT) presses and releases; press/release/isPressed take
#     a button mask (MOUSE_ALL = all three).
# USB: the first begin() (of either object) makes the board a composite HID
# device (a keyboard and a mouse with a wheel, as a sketch including both
# libraries) with the built-in serial port kept, and the host enumerates it
# (about 200 ms of virtual time on Breadboard): reports sent before then are
# lost, as on an Arduino whose sketch types before the host is ready, and a
# report waits for the previous one to be collected (the endpoints are
# polled every 1 ms).  end() changes nothing on the bus.
import usb.device
from usb.device.hid import HIDInterface
from usb.device.keyboard import KeyboardInterface

__all__ = ["Keyboard", "Mouse", "MOUSE_LEFT", "MOUSE_RIGHT", "MOUSE_MIDDLE", "MOUSE_ALL"]

MOUSE_LEFT = 1
MOUSE_RIGHT = 2
MOUSE_MIDDLE = 4
MOUSE_ALL = MOUSE_LEFT | MOUSE_RIGHT | MOUSE_MIDDLE

# The KEY_* table of the Keyboard library reference: modifiers 0x80..0x87,
# the other keys 0x88 (136) + the key's HID usage.
_KEYS = {
    "KEY_LEFT_CTRL": 0x80, "KEY_LEFT_SHIFT": 0x81, "KEY_LEFT_ALT": 0x82, "KEY_LEFT_GUI": 0x83,
    "KEY_RIGHT_CTRL": 0x84, "KEY_RIGHT_SHIFT": 0x85, "KEY_RIGHT_ALT": 0x86, "KEY_RIGHT_GUI": 0x87,
    "KEY_UP_ARROW": 0xDA, "KEY_DOWN_ARROW": 0xD9, "KEY_LEFT_ARROW": 0xD8, "KEY_RIGHT_ARROW": 0xD7,
    "KEY_BACKSPACE": 0xB2, "KEY_TAB": 0xB3, "KEY_RETURN": 0xB0, "KEY_MENU": 0xED, "KEY_ESC": 0xB1,
    "KEY_INSERT": 0xD1, "KEY_DELETE": 0xD4, "KEY_PAGE_UP": 0xD3, "KEY_PAGE_DOWN": 0xD6,
    "KEY_HOME": 0xD2, "KEY_END": 0xD5, "KEY_CAPS_LOCK": 0xC1, "KEY_PRINT_SCREEN": 0xCE,
    "KEY_SCROLL_LOCK": 0xCF, "KEY_PAUSE": 0xD0, "KEY_NUM_LOCK": 0xDB, "KEY_KP_SLASH": 0xDC,
    "KEY_KP_ASTERISK": 0xDD, "KEY_KP_MINUS": 0xDE, "KEY_KP_PLUS": 0xDF, "KEY_KP_ENTER": 0xE0,
    "KEY_KP_DOT": 0xEB,
}
for _i in range(9):
    _KEYS["KEY_KP_%d" % (_i + 1)] = 0xE1 + _i
_KEYS["KEY_KP_0"] = 0xEA
for _i in range(12):
    _KEYS["KEY_F%d" % (_i + 1)] = 0xC2 + _i  # F1..F12: usages 0x3A..0x45
for _i in range(12):
    _KEYS["KEY_F%d" % (_i + 13)] = 0xF0 + _i  # F13..F24: usages 0x68..0x73
globals().update(_KEYS)
__all__.extend(_KEYS)

_SHIFT = 0x100  # in _ascii: the character needs Left Shift


def _ascii_table():
    # ASCII -> HID usage on a US keyboard (| _SHIFT), 0 where no key types it
    t = [0] * 128
    t[8], t[9], t[10], t[32] = 0x2A, 0x2B, 0x28, 0x2C  # Backspace, Tab, newline = Enter, space
    for i in range(26):
        t[97 + i] = 0x04 + i
        t[65 + i] = (0x04 + i) | _SHIFT
    for i, c in enumerate("1234567890"):
        t[ord(c)] = 0x1E + i
    for i, c in enumerate("!@#$%^&*()"):
        t[ord(c)] = (0x1E + i) | _SHIFT
    for i, (c, s) in enumerate(zip("-=[]\\", "_+{}|")):
        t[ord(c)] = 0x2D + i
        t[ord(s)] = (0x2D + i) | _SHIFT
    for i, (c, s) in enumerate(zip(";'`,./", ":\"~<>?")):
        t[ord(c)] = 0x33 + i
        t[ord(s)] = (0x33 + i) | _SHIFT
    return t


_ascii = _ascii_table()

# A mouse with a wheel: the boot mouse's 3 buttons, X, Y, and a Wheel byte
# (HID 1.11 Appendix E.10 plus Usage Wheel), as Arduino's Mouse library.
_MOUSE_DESC = bytes((
    0x05, 0x01, 0x09, 0x02, 0xA1, 0x01,  # Generic Desktop, Mouse, Collection (Application)
    0x09, 0x01, 0xA1, 0x00,              #   Pointer, Collection (Physical)
    0x05, 0x09, 0x19, 0x01, 0x29, 0x03,  #     Buttons 1..3
    0x15, 0x00, 0x25, 0x01, 0x95, 0x03, 0x75, 0x01, 0x81, 0x02,  # 3 bits, Input (Data, Var, Abs)
    0x95, 0x01, 0x75, 0x05, 0x81, 0x01,  #     5 bits padding
    0x05, 0x01, 0x09, 0x30, 0x09, 0x31, 0x09, 0x38,  # X, Y, Wheel
    0x15, 0x81, 0x25, 0x7F, 0x75, 0x08, 0x95, 0x03, 0x81, 0x06,  # -127..127, Input (Data, Var, Rel)
    0xC0, 0xC0,
))

_itfs = None  # (keyboard, mouse) once a begin() made the device


class _KeyboardItf(KeyboardInterface):
    def __init__(self):
        super().__init__()
        self.interval_ms = 1  # Arduino's HID endpoints: bInterval 1


def _device():
    global _itfs
    if _itfs is None:
        k = _KeyboardItf()
        m = HIDInterface(_MOUSE_DESC, protocol=2, interface_str="Arduino Mouse", interval_ms=1)
        usb.device.get().init(k, m, builtin_driver=True)
        _itfs = (k, m)
    return _itfs


def _send(n, report):
    if _itfs is not None:
        _itfs[n].send_report(report, 250)  # dropped if the host is not there yet


def _key_code(k):
    if isinstance(k, str):
        if len(k) != 1:
            raise TypeError("a key is one character or a number")
        k = ord(k)
    return int(k)


class _Keyboard:
    def __init__(self):
        self._report = bytearray(8)

    def begin(self, layout=None):
        _device()

    def end(self):
        pass

    def _map(self, k):
        # -> (modifier bits, usage), or None when the key cannot be typed
        k = _key_code(k)
        if k >= 136:
            return 0, (k - 136) & 0xFF
        if k >= 128:
            return 1 << (k - 128), 0
        if k < 0:
            return None
        u = _ascii[k]
        if not u:
            return None
        return (0x02 if u & _SHIFT else 0), u & 0xFF

    def press(self, k):
        m = self._map(k)
        if m is None:
            return 0
        mods, u = m
        r = self._report
        if u and u not in r[2:]:
            for i in range(2, 8):
                if r[i] == 0:
                    r[i] = u
                    break
            else:
                return 0  # six keys down already
        r[0] |= mods
        _send(0, r)
        return 1

    def release(self, k):
        m = self._map(k)
        if m is None:
            return 0
        mods, u = m
        r = self._report
        r[0] &= ~mods & 0xFF
        if u:
            for i in range(2, 8):
                if r[i] == u:
                    r[i] = 0
        _send(0, r)
        return 1

    def releaseAll(self):
        for i in range(8):
            self._report[i] = 0
        _send(0, self._report)

    def write(self, c, n=None):
        if isinstance(c, (bytes, bytearray)) or (isinstance(c, str) and len(c) != 1):
            return self._type(c if n is None else c[:n])
        p = self.press(c)
        self.release(c)
        return p

    def _type(self, data):
        if isinstance(data, str):
            data = data.encode()
        done = 0
        for b in data:
            if b == 13:
                continue
            if not self.write(b):
                break
            done += 1
        return done

    def print(self, val="", fmt=None):
        from . import _fmt

        return self._type(_fmt(val, fmt))

    def println(self, val="", fmt=None):
        return self.print(val, fmt) + self._type("\r\n")

    def __bool__(self):
        return True


class _Mouse:
    def __init__(self):
        self._buttons = 0

    def begin(self):
        _device()

    def end(self):
        pass

    def move(self, x, y, wheel=0):
        _send(1, bytes((self._buttons, int(x) & 0xFF, int(y) & 0xFF, int(wheel) & 0xFF)))

    def _set(self, b):
        if b != self._buttons:
            self._buttons = b
            self.move(0, 0, 0)

    def click(self, b=MOUSE_LEFT):
        self._buttons = b & 0xFF
        self.move(0, 0, 0)
        self._buttons = 0
        self.move(0, 0, 0)

    def press(self, b=MOUSE_LEFT):
        self._set((self._buttons | b) & 0xFF)

    def release(self, b=MOUSE_LEFT):
        self._set(self._buttons & ~b & 0xFF)

    def isPressed(self, b=MOUSE_LEFT):
        return (self._buttons & b) != 0

    def __bool__(self):
        return True


Keyboard = _Keyboard()
Mouse = _Mouse()
