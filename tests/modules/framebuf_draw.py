# oracle: micropython
# framebuf: which pixels lines, ellipses (with quadrant masks) and polygons
# light, checked over pseudo-random shapes on every format, with clipping.
import framebuf, array

seed = 4242


def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
    return (seed >> 8) % n


def r(lo, hi):
    return lo + rnd(hi - lo + 1)


bits = {0: 1, 1: 16, 2: 4, 3: 1, 4: 1, 5: 2, 6: 8}
for fmt in range(7):
    for w, h, st in ((13, 11, 13), (9, 17, 12)):
        buf = bytearray(600)
        fb = framebuf.FrameBuffer(buf, w, h, fmt, st)
        maxc = (1 << bits[fmt]) - 1
        for step in range(40):
            op = rnd(6)
            c = r(1, maxc)
            if op == 0:
                fb.fill(0)
            elif op == 1:
                fb.line(r(-8, w + 8), r(-8, h + 8), r(-8, w + 8), r(-8, h + 8), c)
            elif op == 2:
                fb.ellipse(r(-3, w + 3), r(-3, h + 3), r(0, 14), r(0, 14), c, rnd(2), r(0, 15))
            elif op == 3:
                n = r(1, 9)
                pts = array.array("h", [r(-10, 22) for i in range(2 * n)])
                fb.poly(r(-3, 5), r(-3, 5), pts, c, rnd(2))
            elif op == 4:
                fb.ellipse(r(0, w), r(0, h), r(0, 4), r(0, 4), c, rnd(2))
            else:
                fb.scroll(r(-3, 3), r(-3, 3))
            print(fmt, step, op, bytes(buf[:260]).hex())

# polygons from other integer arrays, degenerate shapes
buf = bytearray(64)
fb = framebuf.FrameBuffer(buf, 8, 8, framebuf.GS8)
fb.poly(0, 0, bytearray([1, 1, 6, 1, 6, 6]), 1, True)
fb.poly(0, 0, array.array("i", [0, 7, 7, 7]), 2)
fb.poly(2, 2, array.array("b", [-1, -1]), 3)
fb.poly(0, 0, array.array("h", []), 4, True)
fb.ellipse(4, 4, 0, 0, 5)
fb.ellipse(4, 4, 3, 0, 6)
fb.ellipse(4, 4, 0, 2, 7, True)
print(buf.hex())
