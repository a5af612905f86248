# usb.device.keyboard: micropython-lib's usb-device-keyboard API on
# Breadboard: a boot-protocol USB keyboard.
#
#     import usb.device
#     from usb.device.keyboard import KeyboardInterface, KeyCode, LEDCode
#     k = KeyboardInterface()
#     usb.device.get().init(k, builtin_driver=True)
#     ...once k.is_open():
#     k.send_keys([KeyCode.LEFT_SHIFT, KeyCode.H])   # 'H' down
#     k.send_keys([])                                # all keys up
#
# send_keys(down_keys, timeout_ms=100) sends the whole keyboard state: the
# keys in down_keys are held, every other key is up.  KeyCode values are HID
# usages (Keyboard/Keypad page); modifiers are negative (-bit of the
# modifier byte) so they can be listed with the keys.  More than six
# non-modifier keys is a rollover: the report carries ErrorRollOver (0x01)
# in all six slots, as the HID spec says, and the host ignores it.  Returns
# True once the report is queued (HIDInterface.send_report).
# on_led_update(led_mask) is called (soft callback) when the host sets the
# LEDs: LEDCode bits.  Report formats: HID 1.11, Appendix B.1.
from micropython import const
from .hid import HIDInterface, _INTERFACE_PROTOCOL_KEYBOARD

_KEYS = const(6)
_ERROR_ROLLOVER = const(0x01)

# The boot keyboard report descriptor (HID 1.11 Appendix B.1): 8 modifier
# bits, a reserved byte, 5 LED bits out (+3 padding), 6 key-code bytes.
_DESC = bytes((
    0x05, 0x01,  # Usage Page (Generic Desktop)
    0x09, 0x06,  # Usage (Keyboard)
    0xA1, 0x01,  # Collection (Application)
    0x05, 0x07,  #   Usage Page (Keyboard/Keypad)
    0x19, 0xE0,  #   Usage Minimum (Left Control)
    0x29, 0xE7,  #   Usage Maximum (Right GUI)
    0x15, 0x00,  #   Logical Minimum (0)
    0x25, 0x01,  #   Logical Maximum (1)
    0x75, 0x01,  #   Report Size (1)
    0x95, 0x08,  #   Report Count (8)
    0x81, 0x02,  #   Input (Data, Variable, Absolute): the modifier byte
    0x95, 0x01,  #   Report Count (1)
    0x75, 0x08,  #   Report Size (8)
    0x81, 0x01,  #   Input (Constant): reserved
    0x95, 0x05,  #   Report Count (5)
    0x75, 0x01,  #   Report Size (1)
    0x05, 0x08,  #   Usage Page (LEDs)
    0x19, 0x01,  #   Usage Minimum (Num Lock)
    0x29, 0x05,  #   Usage Maximum (Kana)
    0x91, 0x02,  #   Output (Data, Variable, Absolute): the LED bits
    0x95, 0x01,  #   Report Count (1)
    0x75, 0x03,  #   Report Size (3)
    0x91, 0x01,  #   Output (Constant): padding
    0x95, 0x06,  #   Report Count (6)
    0x75, 0x08,  #   Report Size (8)
    0x15, 0x00,  #   Logical Minimum (0)
    0x25, 0x65,  #   Logical Maximum (101)
    0x05, 0x07,  #   Usage Page (Keyboard/Keypad)
    0x19, 0x00,  #   Usage Minimum (0)
    0x29, 0x65,  #   Usage Maximum (101)
    0x81, 0x00,  #   Input (Data, Array): the key codes
    0xC0,        # End Collection
))


class KeyCode:
    """HID Usage Tables, Keyboard/Keypad page (US key captions)."""
    A, B, C, D, E, F, G, H, I, J, K, L, M = range(4, 17)
    N, O, P, Q, R, S, T, U, V, W, X, Y, Z = range(17, 30)
    N1, N2, N3, N4, N5, N6, N7, N8, N9, N0 = range(30, 40)  # the number row
    ENTER = 40
    ESCAPE = 41
    BACKSPACE = 42
    TAB = 43
    SPACE = 44
    MINUS = 45  # - _
    EQUAL = 46  # = +
    OPEN_BRACKET = 47  # [ {
    CLOSE_BRACKET = 48  # ] }
    BACKSLASH = 49  # \ |
    HASH = 50  # non-US # ~
    SEMICOLON = 51  # ; :
    QUOTE = 52  # ' "
    GRAVE = 53  # ` ~
    COMMA = 54  # , <
    DOT = 55  # . >
    SLASH = 56  # / ?
    CAPS_LOCK = 57
    F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12 = range(58, 70)
    PRINTSCREEN = 70
    SCROLL_LOCK = 71
    PAUSE = 72
    INSERT = 73
    HOME = 74
    PAGEUP = 75
    DELETE = 76
    END = 77
    PAGEDOWN = 78
    RIGHT = 79  # arrows
    LEFT = 80
    DOWN = 81
    UP = 82
    KP_NUM_LOCK = 83
    KP_DIVIDE = 84
    KP_MULTIPLY = 85
    KP_MINUS = 86
    KP_PLUS = 87
    KP_ENTER = 88
    KP_1, KP_2, KP_3, KP_4, KP_5, KP_6, KP_7, KP_8, KP_9, KP_0 = range(89, 99)
    # modifiers: minus their bit in the report's modifier byte
    LEFT_CTRL = -0x01
    LEFT_SHIFT = -0x02
    LEFT_ALT = -0x04
    LEFT_UI = -0x08
    RIGHT_CTRL = -0x10
    RIGHT_SHIFT = -0x20
    RIGHT_ALT = -0x40
    RIGHT_UI = -0x80


class LEDCode:
    """The bits of the LED output report (HID LED page, in report order)."""
    NUM_LOCK = 0x01
    CAPS_LOCK = 0x02
    SCROLL_LOCK = 0x04
    COMPOSE = 0x08
    KANA = 0x10


class KeyboardInterface(HIDInterface):
    def __init__(self):
        super().__init__(_DESC, set_report_buf=bytearray(1), protocol=_INTERFACE_PROTOCOL_KEYBOARD,
                         interface_str="MicroPython Keyboard")
        self._report = bytearray(2 + _KEYS)

    def on_set_report(self, report_data, _report_id, _report_type):
        self.on_led_update(report_data[0])
        return True

    def on_led_update(self, led_mask):
        # override: the host changed the keyboard LEDs (LEDCode bits)
        pass

    def send_keys(self, down_keys, timeout_ms=100):
        r = self._report
        mods = 0
        n = 0
        for k in down_keys:
            if k < 0:
                mods |= -k
                continue
            if n < _KEYS:
                r[2 + n] = k
            n += 1
        if n > _KEYS:
            for i in range(_KEYS):
                r[2 + i] = _ERROR_ROLLOVER
        else:
            for i in range(n, _KEYS):
                r[2 + i] = 0
        r[0] = mods & 0xFF
        r[1] = 0
        return self.send_report(r, timeout_ms)
