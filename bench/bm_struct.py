# struct pack/unpack in a loop, as a sensor driver decoding register frames does;
# plus a precompiled Struct, pack_into/unpack_from on a bytearray, and an array.
import struct
import array

check = 0
for i in range(60000):
    frame = struct.pack("<hhhB", i & 0x7FFF, -(i & 0x3FFF), i % 1000, i & 0xFF)
    x, y, z, s = struct.unpack("<hhhB", frame)
    check = (check + x - y + z + s) & 0xFFFFFFFF

rec = struct.Struct(">IHf")
buf = bytearray(rec.size * 16)
for i in range(35000):
    off = (i & 15) * rec.size
    rec.pack_into(buf, off, i, i & 0xFFFF, 0.5)
    a, b, c = rec.unpack_from(buf, off)
    check = (check + a + b + int(c * 2)) & 0xFFFFFFFF

samples = array.array("h", range(-500, 500))
for i in range(50):
    raw = samples.tobytes()
    total = 0
    for (v,) in struct.iter_unpack("<h", raw):
        total += v
    check = (check + total + len(raw)) & 0xFFFFFFFF
print(check)
