# neopixel: WS2812 ("NeoPixel") LED strips over machine.bitstream, with the
# API of MicroPython's frozen neopixel module (docs: library/neopixel):
#   NeoPixel(pin, n, *, bpp=3, timing=1): n pixels of bpp bytes (3: RGB,
#   4: RGBW); timing 1 is the 800 kHz protocol, 0 the 400 kHz one, or a
#   4-tuple of nanoseconds (high_0, low_0, high_1, low_1) as bitstream takes.
#   np[i] = (r, g, b) / np[i] -> tuple, fill(colour), write(), len(np), np.n.
# The strip's wire order is G, R, B (then W): the buffer holds the bytes in
# that order and write() sends it as it is.
from machine import bitstream

# wire position of the tuple's r, g, b, w
_ORDER = (1, 0, 2, 3)
# ns: (high_0, low_0, high_1, low_1) of WS2812 at 800 kHz, and at 400 kHz
_T800 = (400, 850, 800, 450)
_T400 = (800, 1700, 1600, 900)


class NeoPixel:
    def __init__(self, pin, n, bpp=3, timing=1):
        self.pin = pin
        self.n = n
        self.bpp = bpp
        self.buf = bytearray(n * bpp)
        pin.init(pin.OUT)
        if isinstance(timing, int):
            self.timing = _T800 if timing else _T400
        else:
            self.timing = timing

    def __len__(self):
        return self.n

    def __setitem__(self, i, v):
        base = i * self.bpp
        for k in range(self.bpp):
            self.buf[base + _ORDER[k]] = v[k]

    def __getitem__(self, i):
        base = i * self.bpp
        return tuple(self.buf[base + _ORDER[k]] for k in range(self.bpp))

    def fill(self, v):
        bpp = self.bpp
        for i in range(self.n):
            base = i * bpp
            for k in range(bpp):
                self.buf[base + _ORDER[k]] = v[k]

    def write(self):
        bitstream(self.pin, 0, self.timing, self.buf)
