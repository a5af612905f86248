# oracle: micropython
# uctypes pointers: PTR fields to scalars and to structs, dereferenced with [i].
import uctypes

PSIZE = uctypes.sizeof({"p": (0 | uctypes.PTR, uctypes.UINT8)})
RAW = uctypes.UINT64 if PSIZE == 8 else uctypes.UINT32
print(PSIZE in (4, 8))

COORD = {"x": 0 | uctypes.FLOAT32, "y": 4 | uctypes.FLOAT32}
S = {
    "p16": (0 | uctypes.PTR, uctypes.UINT16),
    "pc": (0 | uctypes.PTR, COORD),
    "pv": (0 | uctypes.PTR, uctypes.VOID),
    "raw": 0 | RAW,
}
print(uctypes.sizeof(S) == PSIZE)

coords = bytearray(16)
c = uctypes.struct(uctypes.addressof(coords), COORD)
c.x = 1.25
c.y = -0.5
cs2 = uctypes.struct(uctypes.addressof(coords) + 8, COORD)
cs2.x = 10.0
cs2.y = 20.0

holder = bytearray(PSIZE)
h = uctypes.struct(uctypes.addressof(holder), S)
h.raw = uctypes.addressof(coords)
print(h.raw == uctypes.addressof(coords), int(h.pc) == uctypes.addressof(coords))
print(h.pc[0].x, h.pc[0].y, h.pc[1].x, h.pc[1].y)
print(h.p16[0] == (coords[1] << 8 | coords[0]), h.pv[0] == coords[0], h.pv[5] == coords[5])
h.pc[0].y = 7.0
print(c.y, uctypes.sizeof(h.pc[0]))

# a pointer to an array element walks by element size
words = bytearray(b"\x01\x00\x02\x00\x03\x00")
h.raw = uctypes.addressof(words) + 2
print(h.p16[0], h.p16[1])
