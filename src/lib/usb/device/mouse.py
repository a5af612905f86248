# usb.device.mouse: micropython-lib's usb-device-mouse API on Breadboard:
# a boot-protocol USB mouse with three buttons (report: buttons, dx, dy).
#
#     import usb.device
#     from usb.device.mouse import MouseInterface
#     m = MouseInterface()
#     usb.device.get().init(m, builtin_driver=True)
#     ...once m.is_open():
#     m.move_by(-100, 0)        # dx, dy in -127..127 (ValueError beyond)
#     m.click_right(True); m.click_right(False)
#
# click_left/click_middle/click_right(down=True) set one button and send
# the report; move_by(dx, dy) sends a movement with the buttons as they
# are; send_report(dx=0, dy=0) sends both, first waiting (virtual time) for
# the previous report to be collected.  Each returns HIDInterface's result:
# False before the host has configured the device.
from .hid import HIDInterface, _INTERFACE_PROTOCOL_MOUSE

# The boot mouse report descriptor (HID 1.11 Appendix B.2): 3 buttons + 5
# bits of padding, then X and Y as signed bytes, relative.
_DESC = bytes((
    0x05, 0x01,  # Usage Page (Generic Desktop)
    0x09, 0x02,  # Usage (Mouse)
    0xA1, 0x01,  # Collection (Application)
    0x09, 0x01,  #   Usage (Pointer)
    0xA1, 0x00,  #   Collection (Physical)
    0x05, 0x09,  #     Usage Page (Button)
    0x19, 0x01,  #     Usage Minimum (1)
    0x29, 0x03,  #     Usage Maximum (3)
    0x15, 0x00,  #     Logical Minimum (0)
    0x25, 0x01,  #     Logical Maximum (1)
    0x95, 0x03,  #     Report Count (3)
    0x75, 0x01,  #     Report Size (1)
    0x81, 0x02,  #     Input (Data, Variable, Absolute): the buttons
    0x95, 0x01,  #     Report Count (1)
    0x75, 0x05,  #     Report Size (5)
    0x81, 0x01,  #     Input (Constant): padding
    0x05, 0x01,  #     Usage Page (Generic Desktop)
    0x09, 0x30,  #     Usage (X)
    0x09, 0x31,  #     Usage (Y)
    0x15, 0x81,  #     Logical Minimum (-127)
    0x25, 0x7F,  #     Logical Maximum (127)
    0x75, 0x08,  #     Report Size (8)
    0x95, 0x02,  #     Report Count (2)
    0x81, 0x06,  #     Input (Data, Variable, Relative): dx, dy
    0xC0,        #   End Collection
    0xC0,        # End Collection
))


class MouseInterface(HIDInterface):
    def __init__(self, interface_str="MicroPython Mouse"):
        super().__init__(_DESC, protocol=_INTERFACE_PROTOCOL_MOUSE, interface_str=interface_str)
        self._l = self._m = self._r = False
        self._buf = bytearray(3)

    def send_report(self, dx=0, dy=0):
        b = (1 if self._l else 0) | (2 if self._r else 0) | (4 if self._m else 0)
        self._buf[0] = b
        self._buf[1] = dx & 0xFF
        self._buf[2] = dy & 0xFF
        # wait for the previous report as long as it takes (the host polls
        # the endpoint every interval, so this is bounded)
        return HIDInterface.send_report(self, self._buf, 1000)

    def click_left(self, down=True):
        self._l = down
        return self.send_report()

    def click_middle(self, down=True):
        self._m = down
        return self.send_report()

    def click_right(self, down=True):
        self._r = down
        return self.send_report()

    def move_by(self, dx, dy):
        if not -127 <= dx <= 127:
            raise ValueError("dx")
        if not -127 <= dy <= 127:
            raise ValueError("dy")
        return self.send_report(dx, dy)
