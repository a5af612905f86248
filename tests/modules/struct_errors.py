# struct: error cases (struct.error and the other exception types CPython raises)
import struct

def attempt(f, *args):
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)

print(issubclass(struct.error, Exception), struct.error.__name__)

# integer ranges: the wording depends on the code and the byte order
for f, v in [("b", 128), ("b", -129), ("<b", 200), ("B", 256), ("B", -1), (">B", -1), ("h", 32768), ("h", -32769),
             ("<h", 40000), (">h", 40000), ("!h", -40000), ("H", 65536), ("H", -1), ("<H", -1), (">H", 70000),
             ("i", 2**31), ("i", -2**31 - 1), ("<i", 2**31), (">i", -2**31 - 1), ("I", 2**32), ("<I", 2**32),
             (">I", 2**32), ("I", -1), (">I", -1), ("<l", 2**31), (">l", -2**31 - 1), ("<L", 2**32), (">L", -1),
             ("l", 2**63), ("L", -1), ("L", 2**64), ("q", 2**63), ("<q", -2**63 - 1), ("Q", -1), (">Q", 2**64),
             ("n", 2**63), ("N", -1), ("b", 2**70), ("B", 2**64), ("<h", 2**65)]:
    attempt(struct.pack, f, v)

# wrong value types
for f, v in [("b", "x"), ("i", 1.5), ("<q", None), ("f", "x"), ("d", []), ("s", 1), ("s", "str"), ("p", 5),
             ("c", 1), ("c", b"ab"), ("c", b""), ("c", "a"), ("e", "1")]:
    attempt(struct.pack, f, v)

# floats out of range
attempt(struct.pack, "<f", 1e300)
attempt(struct.pack, ">f", -1e39)
attempt(struct.pack, "<e", 65520.0)
attempt(struct.pack, "e", 1e6)

# argument counts
attempt(struct.pack, "bb", 1)
attempt(struct.pack, "b", 1, 2)
attempt(struct.pack, "3s", b"a", b"b")
attempt(struct.pack, "")
attempt(struct.pack_into, "b", bytearray(2))
attempt(struct.pack_into, "b", bytearray(2), 0)
attempt(struct.pack_into, "b", bytearray(2), 0, 1, 2)

# bad formats
for f in ("z", "<P", ">n", "=N", "3", "<2", "bq!", "i i@"):
    attempt(struct.calcsize, f)
attempt(struct.calcsize, 5)
attempt(struct.pack, None, 1)

# buffers of the wrong size
attempt(struct.unpack, "<i", b"abc")
attempt(struct.unpack, "<i", b"abcde")
attempt(struct.unpack, "<2h", bytearray(3))
attempt(struct.unpack, "<i", "abcd")
attempt(struct.unpack, "<i", 1234)
attempt(struct.unpack_from, "<i", b"abc")
attempt(struct.unpack_from, "<i", b"abcdef", 3)
attempt(struct.unpack_from, "<i", b"abcdef", -3)
attempt(struct.unpack_from, "<i", b"abcdef", -7)
attempt(struct.unpack_from, "<i", b"abcdef", 7)
attempt(struct.pack_into, "<i", bytearray(3), 0, 1)
attempt(struct.pack_into, "<i", bytearray(6), 4, 1)
attempt(struct.pack_into, "<i", bytearray(6), -2, 1)
attempt(struct.pack_into, "<i", bytearray(6), -7, 1)
attempt(struct.pack_into, "<h", b"immutable", 0, 1)
attempt(lambda: list(struct.iter_unpack("<h", b"abc")))
attempt(lambda: list(struct.iter_unpack("", b"abc")))
attempt(lambda: list(struct.iter_unpack("0s", b"")))

# a failed pack_into leaves the buffer untouched
buf = bytearray(b"\x11" * 8)
attempt(struct.pack_into, "<ii", buf, 0, 5, "x")
print(buf)

# Struct objects raise the same errors
s = struct.Struct("<hb")
attempt(s.pack, 1)
attempt(s.pack, 1, 300)
attempt(s.unpack, b"ab")
attempt(s.unpack_from, b"ab", 1)
attempt(struct.Struct, "q!")
attempt(struct.Struct, 12)
try:
    struct.pack("b", 999)
except struct.error as e:
    print("caught as struct.error:", e.args)
