b = b"hello"
print(b, len(b), b[0], b[-1], b[1:3], b[::-1], list(b[:2]), b + b"!", b * 2)
print(bytes(3), bytes([65, 66, 67]), bytes("é", "utf-8"), bytes(range(5)), b"\x00\xff")
print(b.upper(), b.find(b"l"), b.count(b"l"), b.replace(b"l", b"L"), b.split(b"e"), b.startswith(b"he"))
print(b.decode(), b.hex(), bytes.fromhex("48 69"), b"a,b".split(b","), b" x ".strip(), b"-".join([b"a", b"b"]))
print(b == b"hello", b < b"help", 104 in b, b"ell" in b, repr(b"'\""), repr(b"\n\t\x01"))
ba = bytearray(b"abc")
ba.append(100); ba.extend(b"ef"); ba[0] = 65
print(ba, len(ba), ba[1], ba[1:3], ba.pop(), ba)
ba[1:3] = b"XYZ"
print(ba, bytes(ba), bytearray(3), bytearray([1, 2]), ba.decode())
del ba[0]
print(ba, ba.find(b"Z"), ba.upper())
mv = memoryview(b"abcdef")
print(len(mv), mv[0], bytes(mv[1:3]), mv.tobytes(), mv[::2].tobytes() if True else 0)
m2 = memoryview(bytearray(b"xyz"))
m2[0] = 65
print(m2.tobytes(), list(m2))
