# struct: pack_into/unpack_from with offsets, iter_unpack, the Struct class,
# and other buffer types (memoryview, array, bytearray)
import struct
import array

buf = bytearray(16)
struct.pack_into("<hi", buf, 0, -1, 0x12345678)
struct.pack_into(">H", buf, 6, 0xABCD)
struct.pack_into("<q", buf, -8, -2)
print(buf)
print(struct.unpack_from("<hi", buf), struct.unpack_from(">H", buf, 6), struct.unpack_from("<q", buf, -8))
print(struct.unpack_from("<b", buf, offset=1), struct.unpack_from("<B", buffer=buf, offset=-1))
print(struct.unpack_from("4s", b"xxabcdyy", 2), struct.unpack_from("<h", memoryview(b"\x00\x01\x02"), 1))
struct.pack_into("3s", buf, 10, b"XYZ")
print(buf[10:13], bytes(buf))
print(struct.pack_into("<h", buf, 0, 7), buf[:2])

# into a memoryview slice and an array
mv = memoryview(buf)
struct.pack_into("<I", mv[4:], 0, 0xDEADBEEF)
print(buf[4:8].hex())
a = array.array("I", [0, 0, 0])
struct.pack_into("<I", a, 4, 99)
print(a, struct.unpack_from("<I", a, 4), struct.unpack("<3I", a))
print(struct.unpack("<2h", bytearray(b"\x01\x00\x02\x00")))

# iter_unpack
for t in struct.iter_unpack("<hB", b"\x01\x00\x02\x03\x00\x04"):
    print(t)
it = struct.iter_unpack(">H", bytes(range(8)))
print(next(it), list(it), list(struct.iter_unpack("<b", b"")))
print(list(struct.iter_unpack("2s", bytearray(b"abcdef"))))

# Struct
s = struct.Struct("<hhl")
print(s.size, s.format, struct.Struct(b">i").format, struct.Struct(format="!H").size)
p = s.pack(1, -2, 3)
print(p, s.unpack(p), s.unpack_from(b"__" + p, 2), s.unpack_from(p, offset=0))
b2 = bytearray(12)
s.pack_into(b2, 2, 4, 5, 6)
print(b2, list(s.iter_unpack(p * 3)))
print(isinstance(s, struct.Struct), type(s).__name__)
t = struct.Struct("@bi")
print(t.size, t.pack(1, 2), t.unpack(t.pack(-1, -2)))

# round trips of mixed records
rec = struct.Struct("<4sHHIf?x")
data = rec.pack(b"RIFF", 1, 2, 3000000000, 0.5, True)
print(len(data), data, rec.unpack(data))
packed = b"".join(struct.pack("<Hh", i, -i) for i in range(5))
print([struct.unpack_from("<Hh", packed, 4 * i) for i in range(5)])
print(sum(x for (x,) in struct.iter_unpack("<H", struct.pack("<100H", *range(100)))))
