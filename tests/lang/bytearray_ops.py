ba = bytearray(5)
print(ba, len(ba))
for i in range(5):
    ba[i] = i * 50
print(ba, list(ba), ba[1:3], ba[-1])
ba.extend([1, 2]); ba += b"\xff"; ba.append(0)
print(ba, len(ba))
ba[0:2] = b""
print(ba)
ba.insert(0, 7); print(ba, ba.pop(0), ba.pop())
ba.remove(2); print(ba)
ba.reverse(); print(ba)
c = ba.copy(); c.clear(); print(c, ba == bytearray(ba), bytes(ba) == ba)
print(bytearray("héllo", "utf-8"), bytearray(b"abc").decode(), bytearray(range(3)))
try:
    ba[0] = 300
except ValueError as e:
    print("ValueError", e)
