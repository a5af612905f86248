# usb: the USB packages of micropython-lib (usb-device and its HID drivers),
# frozen into Breadboard; see usb/device/ and docs/usb.md.
