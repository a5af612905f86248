# oracle: micropython
# framebuf: formats, pixel layouts, construction, the simple primitives, blit, scroll.
import framebuf

print(framebuf.MONO_VLSB, framebuf.MVLSB, framebuf.MONO_HLSB, framebuf.MONO_HMSB)
print(framebuf.RGB565, framebuf.GS2_HMSB, framebuf.GS4_HMSB, framebuf.GS8)


def err(f):
    try:
        f()
        print("no error")
    except Exception as e:
        print(type(e).__name__)


# construction: sizes (the last row needs no stride padding), strides, formats
def minsize(w, h, f, s=None):
    for n in range(200):
        try:
            if s is None:
                framebuf.FrameBuffer(bytearray(n), w, h, f)
            else:
                framebuf.FrameBuffer(bytearray(n), w, h, f, s)
            return n
        except ValueError:
            pass


for f in range(7):
    print(f, [minsize(w, h, f, s) for (w, h, s) in ((8, 8, None), (5, 10, 7), (3, 3, None), (9, 9, 12), (7, 13, 10))])
err(lambda: framebuf.FrameBuffer(bytearray(8), 8, 8, 9))
err(lambda: framebuf.FrameBuffer(bytearray(8), 0, 8, 0))
err(lambda: framebuf.FrameBuffer(bytearray(8), 8, -1, 0))
err(lambda: framebuf.FrameBuffer(bytearray(8), 8, 8, 0, 4))
err(lambda: framebuf.FrameBuffer(b"12345678", 8, 8, 0))
err(lambda: framebuf.FrameBuffer(bytearray(8), 8, 8))
err(lambda: framebuf.FrameBuffer(bytearray(8), 8, 8, 0, stride=8))
print(framebuf.FrameBuffer(bytearray(8), 8, 8, 0))
fb1 = framebuf.FrameBuffer1(bytearray(16), 8, 9)
fb1.pixel(3, 8, 1)
print(bytes(fb1))


# pixel layouts: each format, corner pixels and colour masking
def show(fmt, w, h, nbytes, colors):
    buf = bytearray(nbytes)
    fb = framebuf.FrameBuffer(buf, w, h, fmt)
    for i, c in enumerate(colors):
        fb.pixel(i % w, i // w, c)
    print(fmt, buf.hex(), [fb.pixel(i % w, i // w) for i in range(len(colors))])


show(framebuf.MONO_VLSB, 3, 10, 6, [1, 0, 1, 1, 2, 0, 0, 1, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1])
show(framebuf.MONO_HLSB, 10, 2, 4, [1, 0, 1, 1, 0, 0, 0, 1, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 0, 5])
show(framebuf.MONO_HMSB, 10, 2, 4, [1, 0, 1, 1, 0, 0, 0, 1, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 0, -1])
show(framebuf.GS2_HMSB, 5, 2, 4, [0, 1, 2, 3, 7, 3, 2, 1, 0, 1])
show(framebuf.GS4_HMSB, 3, 2, 4, [1, 2, 15, 0x1A, 8, 9])
show(framebuf.GS8, 3, 2, 6, [1, 255, 256, 0x1234, 8, 9])
show(framebuf.RGB565, 2, 2, 8, [0x1234, 0xFFFF, 0x10001, 0xABCD])

fb = framebuf.FrameBuffer(bytearray(8), 8, 8, framebuf.MONO_VLSB)
print(fb.pixel(8, 0), fb.pixel(-1, 0), fb.pixel(0, 8), fb.pixel(0, 0, 1), fb.pixel(0, 0))
err(lambda: fb.pixel(1.5, 0))
err(lambda: fb.pixel(0, 0, 1, 2))

# lines, rectangles and fills with clipping, per format
for fmt, nb in ((0, 24), (1, 240), (2, 60), (3, 30), (4, 30), (5, 30), (6, 120)):
    buf = bytearray(nb)
    fb = framebuf.FrameBuffer(buf, 12, 10, fmt)
    fb.fill(0)
    fb.hline(-3, 1, 20, 1)
    fb.vline(2, -4, 30, 2)
    fb.rect(4, 3, 9, 9, 3)
    fb.rect(-2, -2, 5, 5, 1, True)
    fb.fill_rect(6, 5, 3, 2, 0x5A)
    fb.fill_rect(6, 5, 0, 2, 1)
    fb.fill_rect(6, 5, 2, -1, 1)
    fb.line(0, 9, 11, 0, 1)
    fb.line(11, 9, -5, -20, 2)
    fb.line(5, 5, 5, 5, 3)
    print(fmt, buf.hex())
    fb.fill(0xFF)
    print(fmt, buf.hex())

# stride: pixels beyond the width are never touched
buf = bytearray(40)
fb = framebuf.FrameBuffer(buf, 3, 4, framebuf.GS8, 10)
fb.fill(7)
fb.hline(0, 1, 100, 9)
print(buf.hex())

# scroll leaves the uncovered strip as it was
buf = bytearray(16)
fb = framebuf.FrameBuffer(buf, 4, 4, framebuf.GS8)
for i in range(16):
    fb.pixel(i % 4, i // 4, i + 1)
for dx, dy in ((1, 0), (0, 1), (-1, -1), (2, -3), (5, 0), (0, -4)):
    fb.scroll(dx, dy)
    print(dx, dy, buf.hex())

# blit: clipping, key, palette, tuple sources, other formats
dst = bytearray(6 * 5)
fb = framebuf.FrameBuffer(dst, 6, 5, framebuf.GS8)
src = framebuf.FrameBuffer(bytearray(9), 3, 3, framebuf.GS8)
for i in range(9):
    src.pixel(i % 3, i // 3, i % 4)
for x, y, key in ((0, 0, -1), (4, 3, -1), (-1, -1, 0), (2, 1, 2), (6, 0, -1), (-3, 0, -1)):
    fb.fill(9)
    fb.blit(src, x, y, key)
    print(x, y, key, dst.hex())
pal = framebuf.FrameBuffer(bytearray(4), 4, 1, framebuf.GS8)
for i, v in enumerate((0x40, 0x41, 0x42, 0x43)):
    pal.pixel(i, 0, v)
fb.fill(0)
fb.blit(src, 1, 1, 0x42, pal)
print(dst.hex())
fb.fill(0)
fb.blit((bytearray(b"\x01\x02\x03\x04"), 2, 2, framebuf.GS8), 3, 2)
fb.blit((bytes(b"\x05\x06\x07\x08\x09\x0a"), 2, 2, framebuf.GS8, 3), 0, 0)
print(dst.hex())
mono = framebuf.FrameBuffer(bytearray(b"\x05\x02\x07"), 3, 3, framebuf.MONO_VLSB)
fb.fill(5)
fb.blit(mono, 0, 0, 0)
print(dst.hex())
err(lambda: fb.blit((bytearray(8), 8, 8), 0, 0))
err(lambda: fb.blit((bytearray(4), 8, 8, 0), 0, 0))
err(lambda: fb.blit(5, 0, 0))
err(lambda: fb.blit(src, 0, 0, key=1))

# the buffer protocol exposes the underlying buffer; any writable buffer works
import array
print(len(bytes(framebuf.FrameBuffer(bytearray(16), 4, 4, framebuf.GS8))))
m = memoryview(bytearray(16))
framebuf.FrameBuffer(m, 4, 4, framebuf.GS8).fill(3)
print(bytes(m))
a = array.array("H", [0] * 4)
framebuf.FrameBuffer(a, 2, 2, framebuf.RGB565).fill(0x1234)
print(list(a))


# subclasses
class FB(framebuf.FrameBuffer):
    def __init__(self, n):
        self.n = n
        super().__init__(bytearray(2 * n * n), n, n, framebuf.RGB565)

    def foo(self):
        self.hline(0, 2, self.n, 0x0304)


s = FB(n=3)
s.pixel(0, 0, 0x0102)
s.foo()
print(bytes(s), s.n, isinstance(s, framebuf.FrameBuffer))
fb = framebuf.FrameBuffer(bytearray(18), 3, 3, framebuf.RGB565)
fb.blit(s, 0, 0)
print(bytes(fb))
