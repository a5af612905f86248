# oracle: micropython
# framebuf.text: properties that hold for any 8x8 font (glyph shapes differ
# between implementations): cells of 8x8, colour, clipping, bytes >= 128.
import framebuf


def new(w=64, h=16):
    buf = bytearray(w * h)
    return buf, framebuf.FrameBuffer(buf, w, h, framebuf.GS8)


def cells(buf, w, h):
    # set pixels per 8x8 cell, and the colours used
    out = []
    for cy in range(0, h, 8):
        for cx in range(0, w, 8):
            n = 0
            for y in range(cy, min(cy + 8, h)):
                for x in range(cx, min(cx + 8, w)):
                    n += buf[y * w + x] != 0
            out.append(n > 0)
    return out, sorted(set(buf))


buf, fb = new()
fb.text(" ", 0, 0)
print("space draws nothing", not any(buf))
fb.text("A B", 0, 0, 5)
print(cells(buf, 64, 16))
buf, fb = new()
fb.text("Hello", 8, 8)
print(cells(buf, 64, 16))

# every printable character draws something inside its own cell (except space)
for ch in range(33, 127):
    buf, fb = new(24, 24)
    fb.text(chr(ch), 8, 8, 3)
    ok = any(buf)
    for y in range(24):
        for x in range(24):
            if buf[y * 24 + x] and not (8 <= x < 16 and 8 <= y < 16):
                ok = False
    if not ok:
        print("bad glyph", ch)

# characters outside 32..126 draw the same box as chr(127)
buf1, fb1 = new(8, 8)
fb1.text(chr(127), 0, 0)
for s in ("\x01", "\x1f"):
    buf2, fb2 = new(8, 8)
    fb2.text(s, 0, 0)
    print(repr(s), buf1 == buf2)
buf2, fb2 = new(16, 8)
fb2.text("\xe9", 0, 0)  # two UTF-8 bytes, two boxes
print("e-acute", bytes(buf2[0:8]) == bytes(buf1[0:8]), any(buf2))

# clipping: text drawn partly off any edge equals the shifted unclipped text
ref, fbr = new(40, 24)
fbr.text("Wg@", 8, 8, 1)


def shifted(dx, dy):
    b, f = new(40, 24)
    f.text("Wg@", 8 + dx, 8 + dy, 1)
    same = True
    for y in range(24):
        for x in range(40):
            sx, sy = x - dx, y - dy
            want = ref[sy * 40 + sx] if 0 <= sx < 40 and 0 <= sy < 24 else 0
            if b[y * 40 + x] != want:
                same = False
    return same


print([shifted(dx, dy) for dx, dy in ((-12, 0), (-3, -11), (25, 0), (0, 13), (-30, 0), (4, -15))])

# the default colour is 1; other formats and colours
buf, fb = new(8, 8)
fb.text("X", 0, 0)
print(sorted(set(buf)))
mono = bytearray(8)
fbm = framebuf.FrameBuffer(mono, 8, 8, framebuf.MONO_VLSB)
fbm.text("X", 0, 0, 1)
g8 = bytearray(64)
fbg = framebuf.FrameBuffer(g8, 8, 8, framebuf.GS8)
fbg.text("X", 0, 0, 1)
print(all(fbm.pixel(x, y) == fbg.pixel(x, y) for x in range(8) for y in range(8)))
fbm.text("X", 0, 0, 0)
print(any(mono))
