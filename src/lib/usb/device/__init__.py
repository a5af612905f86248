# usb.device: micropython-lib's usb-device package, on Breadboard's USB HID
# model.  usb.device.get() is the Device singleton; interfaces come from
# usb.device.hid, usb.device.keyboard and usb.device.mouse (docs/usb.md).
from .core import get  # noqa: F401
