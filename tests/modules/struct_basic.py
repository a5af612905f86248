# struct: pack/unpack of every format code, byte orders, alignment, repeat counts
import struct

ints = "bBhHiIlLqQ"
for order in ("<", ">", "=", "!", "@", ""):
    for code in ints:
        f = order + code
        size = struct.calcsize(f)
        lo = 0 if code.isupper() else -(1 << (size * 8 - 1))
        hi = (1 << (size * 8)) - 1 if code.isupper() else (1 << (size * 8 - 1)) - 1
        for v in (lo, hi, 0, 1, 100):
            b = struct.pack(f, v)
            assert len(b) == size
            assert struct.unpack(f, b) == (v,), (f, v)
        print(f, size, struct.pack(f, hi), struct.pack(f, lo))

print(struct.pack("<hHiI", -2, 65000, -70000, 4000000000))
print(struct.unpack(">hHiI", bytes(range(1, 13))))
print(struct.pack("<q", -(2**63)), struct.pack(">Q", 2**64 - 1))
print(struct.unpack("<qQ", b"\xff" * 16))

# floats
for f in ("<f", ">f", "<d", ">d", "<e", ">e", "f", "d", "e"):
    for v in (0.0, -0.0, 1.5, -2.25, 1e-3, 3.0e38 if "f" in f else 1e300 if "d" in f else 60000.0, float("inf"), float("-inf")):
        b = struct.pack(f, v)
        print(f, v, b, struct.unpack(f, b))
nan = struct.unpack("<d", struct.pack("<d", float("nan")))[0]
print(nan != nan, struct.unpack("<e", struct.pack("<e", float("nan")))[0] != 0)
print(struct.unpack("<f", struct.pack("<f", 0.1)))
print(struct.pack("<e", 0.1), struct.pack("<e", 1e-7), struct.pack("<e", 65504.0), struct.pack("<e", 2.0**-24))
print(struct.unpack("<e", b"\x01\x00")[0] == 2.0**-24, struct.unpack("<e", b"\xff\x7b"), struct.unpack("<e", b"\x00\xfc"))
print(struct.pack("<e", 65519.0), struct.pack("<e", 5e-8), struct.pack("<e", 3e-8), struct.pack("<e", 2.9802322387695312e-08))
print(struct.pack("<ff", 1, True))

# bool, char, strings, padding
print(struct.pack("???", 0, 5, []), struct.unpack("??", b"\x00\x02"))
print(struct.pack("c", b"A"), struct.pack("3c", b"x", b"y", b"z"), struct.unpack("2c", b"hi"))
print(struct.pack("5s", b"abc"), struct.pack("2s", b"abcdef"), struct.pack("0s", b"zz"), struct.pack("s", b""))
print(struct.unpack("5s", b"ab\x00cd"), struct.unpack("3s2s", b"abcde"))
print(struct.pack("5p", b"abc"), struct.pack("3p", b"abcdef"), struct.pack("p", b"abc"), struct.pack("0p", b"a"))
print(struct.unpack("5p", b"\x03abcd"), struct.unpack("3p", b"\x09ab"), struct.unpack("1p", b"\x05"))
print(struct.pack("x"), struct.pack("3x"), struct.pack("<bxh", 1, 2), struct.unpack("<b2xh", b"\x01\x00\x00\x02\x00"))
print(struct.pack("s", bytearray(b"q")))

# repeat counts and whitespace
print(struct.pack("<3h", 1, 2, 3), struct.unpack("<2I", b"\x01\x00\x00\x00\x02\x00\x00\x00"))
print(struct.pack("<2h 3b", 1, 2, 3, 4, 5), struct.calcsize("< 2h 3b"), struct.pack("<10B", *range(10)))
print(struct.pack("<0h"), struct.calcsize("0i"), struct.unpack("<0h", b""))

# native alignment and sizes
for f in ("bi", "@bi", "=bi", "<bi", "bh", "bq", "bd", "ib", "b0i", "bb0q", "hbi", "cd", "?I", "e b", "sf", "5si", "3pq", "xi",
          "n", "N", "P", "bn", "bP", "l", "L", "=l", "<L"):
    print(f, struct.calcsize(f))
print(struct.pack("@bi", 1, 2), struct.pack("@hq", 1, 2), struct.pack("@bd", 1, 1.0))
print(struct.pack("nN", -5, 7), struct.unpack("nNP", struct.pack("nNP", -1, 2**64 - 1, 1234)))
print(struct.pack(b"<h", 3), struct.calcsize(b">iq"))

# __index__ objects are accepted for integer codes
class Idx:
    def __index__(self):
        return 42
print(struct.pack("<iB", Idx(), Idx()))
