# usb.device.hid: micropython-lib's HIDInterface, the base of any USB HID
# device (keyboard.py and mouse.py build on it), over Breadboard's model.
#
#     HIDInterface(report_descriptor, extra_descriptors=[], set_report_buf=None,
#                  protocol=0, interface_str=None, interval_ms=8)
#     send_report(report_data, timeout_ms=100) -> bool
#     busy(), is_open(), on_set_report(report_data, report_id, report_type)
#
# protocol is the boot protocol (1 keyboard, 2 mouse, 0 none): it tells the
# host how to read the reports (the model does not parse report
# descriptors).  interval_ms is the endpoint's polling interval.
# send_report waits up to timeout_ms (virtual time) while the previous
# report has not been collected, then queues this one and returns True;
# False when the host has not configured the device (nothing is queued) or
# the endpoint stayed busy.  Output reports (SET_REPORT from the host: a
# keyboard's LEDs) are copied into set_report_buf and given to
# on_set_report as a soft callback; with set_report_buf=None they are
# refused, as the real class does.
import _bbusb
from .core import Interface

_INTERFACE_PROTOCOL_NONE = 0x00
_INTERFACE_PROTOCOL_KEYBOARD = 0x01
_INTERFACE_PROTOCOL_MOUSE = 0x02
_REPORT_TYPE_INPUT = 1
_REPORT_TYPE_OUTPUT = 2
_REPORT_TYPE_FEATURE = 3


class HIDInterface(Interface):
    def __init__(self, report_descriptor, extra_descriptors=[], set_report_buf=None,
                 protocol=_INTERFACE_PROTOCOL_NONE, interface_str=None, interval_ms=8):
        super().__init__()
        self.report_descriptor = report_descriptor
        self.extra_descriptors = extra_descriptors
        self._set_report_buf = set_report_buf
        self.protocol = protocol
        self.interface_str = interface_str
        self.interval_ms = interval_ms

    def _bb_kind(self):
        p = self.protocol
        return p if p in (_INTERFACE_PROTOCOL_KEYBOARD, _INTERFACE_PROTOCOL_MOUSE) else 0

    def _bb_interval(self):
        return max(1, min(255, int(self.interval_ms)))

    def busy(self):
        """A report is waiting to be collected by the host."""
        return self.is_open() and _bbusb.busy(self._bb_n)

    def send_report(self, report_data, timeout_ms=100):
        if not self.is_open():
            return False
        return _bbusb.send(self._bb_n, report_data, timeout_ms)

    def on_set_report(self, report_data, report_id, report_type):
        # override: an output or feature report from the host
        return True

    def _bb_output(self, data):
        buf = self._set_report_buf
        if buf is None:
            return  # no buffer: the request is stalled
        n = min(len(buf), len(data))
        buf[:n] = data[:n]
        self.on_set_report(buf, 0, _REPORT_TYPE_OUTPUT)
