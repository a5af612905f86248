# Tuple packing/unpacking, swaps, star-unpacking, enumerate/zip and dict items.
a, b = 0, 1
for i in range(300000):
    a, b = b, (a + b) & 0xFFFF
pairs = [(i, i * 2) for i in range(50000)]
sx = sy = 0
for x, y in pairs:
    sx += x
    sy += y
first = 0
for i in range(50000):
    h, *rest = (i, i + 1, i + 2)
    first += h + len(rest)
d = {i: -i for i in range(30000)}
t = 0
for k, v in d.items():
    t += k + v
z = 0
for i, (p, q) in enumerate(zip(range(100000), range(100000, 200000))):
    z += q - p - i
print(a, b, sx, sy, first, t, z)
