# ssd1306.py: driver for SSD1306 monochrome OLED modules, on I2C or SPI.
#
# The API is the one MicroPython's documentation gives for its ssd1306
# driver ("Using a SSD1306 OLED display"):
#     SSD1306_I2C(width, height, i2c, addr=0x3C, external_vcc=False)
#     SSD1306_SPI(width, height, spi, dc, res, cs, external_vcc=False)
# Both are framebuf.FrameBuffer subclasses over self.buffer in MONO_VLSB
# layout, which is the controller's own page layout (a byte is 8 vertical
# pixels, bit 0 on top), so fill, pixel, hline, vline, line, rect,
# fill_rect, ellipse, poly, text, scroll and blit draw into the buffer and
# show() copies it to the display in one transfer.  Also: poweroff(),
# poweron(), contrast(0..255), invert(flag), rotate(flag), init_display(),
# write_cmd(byte), write_data(buf).
#
# Written for Breadboard from the SSD1306 data sheet's command table; the
# module on the board is the `ssd1306` part (docs/parts.md, docs/displays.md).
from micropython import const
import framebuf

_ADDR_MODE = const(0x20)  # + mode: 0 horizontal
_COLUMNS = const(0x21)  # + first, last column
_PAGES = const(0x22)  # + first, last page
_START_LINE = const(0x40)  # | line
_CONTRAST = const(0x81)  # + level
_CHARGE_PUMP = const(0x8D)  # + 0x14 on, 0x10 off
_SEG_REMAP = const(0xA0)  # | 1: column 127 drives SEG0
_FOLLOW_RAM = const(0xA4)  # (0xA5 would light every pixel)
_NORMAL = const(0xA6)  # | 1: inverse
_MUX = const(0xA8)  # + rows - 1
_IREF = const(0xAD)  # + 0x30: internal reference (SSD1315; ignored by SSD1306)
_OFF = const(0xAE)  # | 1: on
_COM_SCAN = const(0xC0)  # | 8: scan from the last COM down to COM0
_OFFSET = const(0xD3)  # + rows
_CLOCK = const(0xD5)  # + divide ratio / oscillator
_PRECHARGE = const(0xD9)  # + phase lengths
_COM_PINS = const(0xDA)  # + wiring of the COM pins to the glass
_VCOMH = const(0xDB)  # + deselect level


class SSD1306(framebuf.FrameBuffer):
    def __init__(self, width, height, external_vcc):
        self.width = width
        self.height = height
        self.external_vcc = external_vcc
        self.pages = height // 8
        self.buffer = bytearray(self.pages * width)
        super().__init__(self.buffer, width, height, framebuf.MONO_VLSB)
        self.init_display()

    def _send(self, *cmds):
        for c in cmds:
            self.write_cmd(c)

    def _orientation(self, turned):
        # Modules mount the glass so that column 0 / page 0 is the top left
        # when columns run from SEG127 down and COMs scan upwards.
        self._send(_SEG_REMAP | (0 if turned else 1), _COM_SCAN | (0 if turned else 8))

    def init_display(self):
        ext = self.external_vcc
        self._send(_OFF, _ADDR_MODE, 0, _START_LINE, _MUX, self.height - 1, _OFFSET, 0)
        self._orientation(False)
        # short, wide glass (128x32, 96x16) has its rows on sequential COM pins
        self._send(_COM_PINS, 0x02 if self.width > 2 * self.height else 0x12)
        self._send(_CLOCK, 0x80, _PRECHARGE, 0x22 if ext else 0xF1, _VCOMH, 0x30)
        self._send(_CONTRAST, 0xFF, _FOLLOW_RAM, _NORMAL, _IREF, 0x30)
        self._send(_CHARGE_PUMP, 0x10 if ext else 0x14)
        self.fill(0)
        self.show()
        self.poweron()

    def poweroff(self):
        self.write_cmd(_OFF)

    def poweron(self):
        self.write_cmd(_OFF | 1)

    def contrast(self, contrast):
        self._send(_CONTRAST, contrast & 0xFF)

    def invert(self, invert):
        self.write_cmd(_NORMAL | (1 if invert else 0))

    def rotate(self, rotate):
        # the segment remap applies to data as it is written: send it again
        self._orientation(bool(rotate))
        self.show()

    def show(self):
        # narrow glass (64x48, 72x40) sits in the middle columns of the RAM
        first = (128 - self.width) // 2
        self._send(_COLUMNS, first, first + self.width - 1, _PAGES, 0, self.pages - 1)
        self.write_data(self.buffer)


class SSD1306_I2C(SSD1306):
    def __init__(self, width, height, i2c, addr=0x3C, external_vcc=False):
        self.i2c = i2c
        self.addr = addr
        self._cmd = bytearray(2)
        self._cmd[0] = 0x80  # control byte: Co = 1, D/C# = 0: one command byte follows
        super().__init__(width, height, external_vcc)

    def write_cmd(self, cmd):
        self._cmd[1] = cmd
        self.i2c.writeto(self.addr, self._cmd)

    def write_data(self, buf):
        # control byte Co = 0, D/C# = 1: display data to the end of the transfer
        self.i2c.writevto(self.addr, (b"\x40", buf))


class SSD1306_SPI(SSD1306):
    def __init__(self, width, height, spi, dc, res, cs, external_vcc=False):
        import time

        self.rate = 10 * 1024 * 1024
        self.spi = spi
        self.dc = dc
        self.res = res
        self.cs = cs
        dc.init(dc.OUT, value=0)
        res.init(res.OUT, value=0)
        cs.init(cs.OUT, value=1)
        # reset pulse (RES# low for at least 3 us), then let the controller wake
        res(1)
        time.sleep_ms(1)
        res(0)
        time.sleep_ms(10)
        res(1)
        super().__init__(width, height, external_vcc)

    def _transfer(self, dc, buf):
        self.spi.init(baudrate=self.rate, polarity=0, phase=0)
        self.cs(1)
        self.dc(dc)
        self.cs(0)
        self.spi.write(buf)
        self.cs(1)

    def write_cmd(self, cmd):
        self._transfer(0, bytes((cmd,)))

    def write_data(self, buf):
        self._transfer(1, buf)
