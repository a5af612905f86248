# bytearray and bytes slicing, slice assignment, deletion
ba = bytearray(b"0123456789")
print(ba[2:5], ba[::2], ba[::-1], ba[-3:], ba[5], ba[-1])
ba[0:2] = b"ab"
print(ba)
ba[2:4] = b""
print(ba)
ba[1:1] = b"INS"
print(ba)
ba[::2] = b"*" * len(ba[::2])
print(ba)
del ba[::3]
print(ba)
del ba[1:3]
print(ba)
ba[0] = 65
print(ba)
ba[-1] = 0x7A
print(ba)
try:
    ba[0] = 256
except ValueError as e:
    print(type(e).__name__)
ba2 = bytearray(5)
ba2[1:4] = bytearray(b"xyz")
print(ba2, len(ba2))
ba2[:] = [1, 2, 3]
print(ba2)
b = b"hello world"
print(b[:5], b[6:], b[::-1], b[1], b[-1:], b[3:100])
print(type(b[1:2]).__name__, type(ba[1:2]).__name__)
m = memoryview(bytearray(b"abcdef"))
print(bytes(m[1:4]), m[0], bytes(m[-2:]))
mv = memoryview(bytearray(b"abcdef"))
mv[0:2] = b"XY"
print(mv.tobytes() if hasattr(mv, "tobytes") else bytes(mv))
ba3 = bytearray(b"abc")
ba3 += b"def"
ba3.extend(b"gh")
ba3.append(105)
print(ba3, ba3[3:6], ba3 * 2)
ba4 = bytearray(range(10))
ba4[2:8:2] = b"\xff\xfe\xfd"
print(list(ba4))
