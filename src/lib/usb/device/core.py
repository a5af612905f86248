# usb.device.core: the Device singleton and the Interface base class of
# micropython-lib's usb-device package, written for Breadboard over the
# board's USB HID model (the private native module _bbusb; the real package
# sits on machine.USBDevice).
#
#     import usb.device
#     from usb.device.keyboard import KeyboardInterface
#     k = KeyboardInterface()
#     usb.device.get().init(k, builtin_driver=True)   # re-enumerates
#     while not k.is_open():                            # the host configures it
#         time.sleep_ms(100)                            # 200 ms later
#
# What is modelled: HID interfaces (HIDInterface and its subclasses, any
# report descriptor; keyboards and mice are decoded by the host), the
# enumeration delay, one report per endpoint collected at the host's polls,
# output reports (keyboard LEDs) delivered to on_set_report as soft
# callbacks.  Not modelled: other interface classes (CDC, MIDI, MSC, custom
# descriptors and control transfers: init() raises NotImplementedError for
# them), the device/configuration descriptors (the keyword arguments of
# init() are accepted and kept), suspend/remote wakeup.
import _bbusb

_dev = None


def get():
    """The Device singleton.  On a port without machine.USBDevice (the stm32
    boards) this is the AttributeError the real package gets."""
    global _dev
    if _dev is None:
        if not _bbusb.native():
            raise AttributeError("'module' object has no attribute 'USBDevice'")
        _dev = Device()
    return _dev


_CONFIG_KW = ("builtin_driver", "manufacturer_str", "product_str", "serial_str", "configuration_str",
              "id_vendor", "id_product", "bcd_device", "device_class", "device_subclass",
              "device_protocol", "config_str", "max_power_ma", "remote_wakeup")


class Device:
    """The USB device: a set of interfaces, enumerated by the host when
    active.  Use get(), not the constructor."""

    def __init__(self):
        self._itfs = ()
        self._config = {}
        self._active = False
        self._gen = 0  # bumped at every (re)enumeration: old interfaces close

    def init(self, *itfs, **kwargs):
        """config(*itfs, **kwargs), then active(True) unless active=False."""
        active = kwargs.pop("active", True)
        self.config(*itfs, **kwargs)
        if active:
            self.active(True)

    def config(self, *itfs, **kwargs):
        for k in kwargs:
            if k not in _CONFIG_KW:
                raise TypeError("unexpected keyword argument '%s'" % k)
        for i in itfs:
            if not isinstance(i, Interface):
                raise TypeError("not a USB interface: %r" % (i,))
            if not hasattr(i, "_bb_kind"):
                raise NotImplementedError("Breadboard models USB HID interfaces only, not %s"
                                          % type(i).__name__)
        self._itfs = itfs
        self._config = kwargs

    def active(self, *value):
        """active() -> whether the device is on the bus; active(True/False)
        attaches (a new enumeration) or detaches it."""
        if not value:
            return self._active
        if value[0]:
            self._gen += 1
            for n, i in enumerate(self._itfs):
                i._bb_bind(self, n, self._gen)
            _bbusb.init(tuple(i._bb_kind() for i in self._itfs),
                        tuple(i._bb_interval() for i in self._itfs),
                        bool(self._config.get("builtin_driver", False)), self._bb_output)
            self._active = True
        else:
            _bbusb.deinit()
            self._gen += 1
            self._active = False
        return self._active

    def _bb_output(self, n):
        # soft callback: an output report for interface n arrived
        data = _bbusb.take(n)
        if data is not None and n < len(self._itfs):
            self._itfs[n]._bb_output(data)


class Interface:
    """Base class of the interfaces.  is_open() is True once the host has
    configured the device with this interface in it."""

    def __init__(self):
        self._bb_dev = None
        self._bb_n = -1
        self._bb_gen = -1

    def _bb_bind(self, dev, n, gen):
        self._bb_dev, self._bb_n, self._bb_gen = dev, n, gen

    def _bb_current(self):
        d = self._bb_dev
        return d is not None and d._active and d._gen == self._bb_gen

    def is_open(self):
        return self._bb_current() and _bbusb.configured()

    def _bb_output(self, data):
        pass
