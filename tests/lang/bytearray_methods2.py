# bytearray: mutation methods
ba = bytearray(b"hello")
ba.append(33)
print(ba)
ba.extend(b" world")
ba.extend([1, 2])
print(ba, len(ba))
print(ba.pop(), ba.pop(0), ba)
ba.insert(0, 72)
ba.insert(100, 46)
print(ba)
ba.remove(ord("o"))
print(ba)
try:
    ba.remove(0xEE)
except ValueError as e:
    print(type(e).__name__)
ba.reverse()
print(ba)
ba.clear()
print(ba, len(ba), bool(ba))
ba = bytearray(b"abc")
c = ba.copy()
c[0] = 122
print(ba, c)
print(ba.find(b"c"), ba.index(b"b"), ba.count(b"a"), ba.upper(), ba.decode(), bytes(ba))
ba += b"def"
ba *= 2
print(ba)
print(ba.replace(b"abc", b"X"), ba.split(b"d"), ba.startswith(b"ab"), ba.strip(b"af"))
print(bytearray(3), bytearray([1, 2]), bytearray("hé", "utf-8"), bytearray(range(3)))
print(bytearray(b"a") == b"a", b"a" == bytearray(b"a"), bytearray(b"ab") < b"b", bytearray(b"x") + b"y", b"y" + bytearray(b"x"))
print(type(bytearray(b"x") + b"y").__name__, type(b"y" + bytearray(b"x")).__name__)
ba = bytearray(b"0123456789")
ba[2:5] = b"ABCDEF"
print(ba)
del ba[0]
print(ba, ba.hex())
for v in (-1, 256):
    try:
        ba.append(v)
    except ValueError as e:
        print(type(e).__name__)
try:
    hash(bytearray())
except TypeError as e:
    print(type(e).__name__)
buf = bytearray(8)
for i in range(len(buf)):
    buf[i] = (i * 37) & 0xFF
print(list(buf), buf.hex())
