# oracle: micropython
# uctypes: descriptors of every field kind over a bytearray, in each layout.
import uctypes
import struct

print(uctypes.LITTLE_ENDIAN, uctypes.BIG_ENDIAN, uctypes.NATIVE)
for n in ("UINT8", "INT8", "UINT16", "INT16", "UINT32", "INT32", "UINT64", "INT64",
          "FLOAT32", "FLOAT64", "VOID", "PTR", "ARRAY", "BFUINT8", "BFINT8", "BFUINT16",
          "BFINT16", "BFUINT32", "BFINT32", "BF_POS", "BF_LEN"):
    print(n, hex(getattr(uctypes, n)))

SCALARS = {
    "u8": 0 | uctypes.UINT8,
    "i8": 1 | uctypes.INT8,
    "u16": 2 | uctypes.UINT16,
    "i16": 4 | uctypes.INT16,
    "u32": 8 | uctypes.UINT32,
    "i32": 12 | uctypes.INT32,
    "u64": 16 | uctypes.UINT64,
    "i64": 24 | uctypes.INT64,
    "f32": 32 | uctypes.FLOAT32,
    "f64": 40 | uctypes.FLOAT64,
}
FMT = {"u8": "B", "i8": "b", "u16": "H", "i16": "h", "u32": "I", "i32": "i", "u64": "Q",
       "i64": "q", "f32": "f", "f64": "d"}
OFF = {"u8": 0, "i8": 1, "u16": 2, "i16": 4, "u32": 8, "i32": 12, "u64": 16, "i64": 24,
       "f32": 32, "f64": 40}

for layout, order in ((uctypes.LITTLE_ENDIAN, "<"), (uctypes.BIG_ENDIAN, ">")):
    buf = bytearray(range(0x81, 0x81 + 48))
    s = uctypes.struct(uctypes.addressof(buf), SCALARS, layout)
    print("sizeof", uctypes.sizeof(SCALARS, layout), uctypes.sizeof(s))
    for name in sorted(SCALARS):
        got = getattr(s, name)
        want = struct.unpack_from(order + FMT[name], buf, OFF[name])[0]
        print(name, got, got == want)
    s.u8 = 0x1FF
    s.i8 = -3
    s.u16 = 0xBEEF
    s.i16 = -2
    s.u32 = 0xDEADBEEF
    s.i32 = -123456
    s.u64 = 0xFFFFFFFFFFFFFFFF
    s.i64 = -(2**62)
    s.f32 = 1.5
    s.f64 = -2.25
    print(bytes(buf))
    for name in sorted(SCALARS):
        print(name, getattr(s, name))
    # writes truncate to the field width
    s.u16 = 0x123456
    s.i32 = 2**31
    s.u64 = 2**64 + 7
    s.i64 = 2**100 + 9
    print(s.u16, s.i32, s.u64, s.i64)
    s.f32 = 3  # ints are accepted by float fields
    print(s.f32)

# nested structs, arrays of scalars and of structs
D = {
    "hdr": (0, {"tag": 0 | uctypes.UINT8, "len": 1 | uctypes.UINT16}),
    "words": (uctypes.ARRAY | 3, 4 | uctypes.UINT16),
    "bytes": (uctypes.ARRAY | 11, 5 | uctypes.UINT8),
    "recs": (uctypes.ARRAY | 16, 3, {"a": 0 | uctypes.UINT8, "b": 1 | uctypes.INT16}),
}
buf = bytearray(32)
s = uctypes.struct(uctypes.addressof(buf), D, uctypes.LITTLE_ENDIAN)
print(uctypes.sizeof(D), uctypes.sizeof(D, uctypes.LITTLE_ENDIAN), uctypes.sizeof(s))
print(uctypes.sizeof(s.hdr), uctypes.sizeof(s.words), uctypes.sizeof(s.bytes), uctypes.sizeof(s.recs))
s.hdr.tag = 7
s.hdr.len = 0x0102
for i in range(4):
    s.words[i] = 0x1111 * (i + 1)
print(type(s.bytes), len(s.bytes))
s.bytes[0] = 0xAA  # a UINT8 array is a bytearray over the memory itself
s.bytes[4] = 0xBB
for i in range(3):
    s.recs[i].a = i + 1
    s.recs[i].b = -(i + 1) * 100
print(bytes(buf))
print(s.hdr.tag, s.hdr.len, [s.words[i] for i in range(4)], s.bytes)
print([(s.recs[i].a, s.recs[i].b) for i in range(3)])
print(struct.unpack_from("<BH4H5B", buf, 0))
buf[12] = 0x55
print(s.bytes[1], s.bytes)

# the same memory seen big-endian
b = uctypes.struct(uctypes.addressof(buf), D, uctypes.BIG_ENDIAN)
print(b.hdr.len, [b.words[i] for i in range(4)], b.recs[2].b)

# a top-level array descriptor
arr = uctypes.struct(uctypes.addressof(buf), (uctypes.ARRAY | 3, 4 | uctypes.UINT16), uctypes.LITTLE_ENDIAN)
print(arr[0], arr[3], uctypes.sizeof(arr))
arr[3] = 9
print(s.words[3])

# NATIVE: sizes round up to the largest field
print(uctypes.sizeof({"a": 0 | uctypes.UINT8, "b": 1 | uctypes.UINT32}))
print(uctypes.sizeof({"a": 0 | uctypes.UINT8, "b": 1 | uctypes.UINT32}, uctypes.LITTLE_ENDIAN))
print(uctypes.sizeof({"a": 0 | uctypes.UINT8, "b": (2, {"c": 0 | uctypes.UINT64})}))
print(uctypes.sizeof({"a": 0 | uctypes.UINT8, "b": (uctypes.ARRAY | 1, 3, {"c": 0 | uctypes.UINT16, "d": 2 | uctypes.UINT8})}))
print(uctypes.sizeof({"a": 0 | uctypes.FLOAT32, "b": 4 | uctypes.UINT8}))
print(uctypes.sizeof({"a": 0 | uctypes.FLOAT64, "b": 8 | uctypes.UINT8}))
print(uctypes.sizeof({}), uctypes.sizeof({"x": 0x20000 | uctypes.UINT8}))
n = bytearray(8)
ns = uctypes.struct(uctypes.addressof(n), {"x": 0 | uctypes.UINT32, "y": 4 | uctypes.INT16})
ns.x = 0x01020304
ns.y = -1
print(ns.x, ns.y, n == struct.pack("@Ih2x", 0x01020304, -1))

# the ELF header example of the documentation
ELF_HEADER = {
    "EI_MAG": (0x0 | uctypes.ARRAY, 4 | uctypes.UINT8),
    "EI_DATA": 0x5 | uctypes.UINT8,
    "e_machine": 0x12 | uctypes.UINT16,
}
img = bytearray(b"\x7fELF\x02\x01" + bytes(12) + b"\x3e\x00" + bytes(12))
buf = bytes(img[: uctypes.sizeof(ELF_HEADER, uctypes.LITTLE_ENDIAN)])
header = uctypes.struct(uctypes.addressof(buf), ELF_HEADER, uctypes.LITTLE_ENDIAN)
print(header.EI_MAG == b"\x7fELF", header.EI_DATA, hex(header.e_machine))

# bytes_at copies, bytearray_at refers
mem = bytearray(b"abcdefgh")
a = uctypes.addressof(mem)
snap = uctypes.bytes_at(a + 2, 4)
view = uctypes.bytearray_at(a + 2, 4)
mem[3] = ord("X")
print(snap, view)
view[0] = ord("Y")
print(mem, uctypes.bytes_at(a, 0), uctypes.bytearray_at(a, 0))
print(uctypes.sizeof(view))
print(isinstance(s, uctypes.struct), type(s))
