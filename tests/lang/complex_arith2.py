# complex numbers: arithmetic, attributes, repr, comparisons
a = 3 + 4j
b = 1 - 2j
print(a + b, a - b, a * b, a / b)
print(a.real, a.imag, a.conjugate(), abs(a))
print(-a, +a, a ** 2, a ** 0, 1j ** 2)
print(complex(1, 2), complex(1.5), complex(0, -1), complex("3+4j"), complex("-2j"))
print(a == 3 + 4j, a != b, 1 + 0j == 1, 2j == 2j)
print(repr(1j), repr(-1j), repr(0j), repr(1 + 0j), repr(-0.5 + 2.5j))
print(repr(complex(0, 0)), repr(complex(-0.0, 0)), repr(complex(1e20, 1e-5)))
print(a * 2, 2 * a, a / 2, a + 1, 1 - a, 1.5 * a)
print(type(a).__name__, type(a.real).__name__, isinstance(a, complex))
print((1 + 2j) * (1 - 2j), (2 + 0j) * (2 - 0j))
print(abs(3j), abs(-4 + 0j), bool(0j), bool(0.0 + 1e-300j))
print(str(1 + 2j), "%s" % (2 - 3j), "{}".format(1j))
z = 0j
for k in range(1, 5):
    z += complex(k, -k)
print(z)
for bad in [lambda: (1 + 1j) < (2 + 2j), lambda: (1j) // 2, lambda: 1j % 2, lambda: int(1j)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__)
try:
    1j / 0
except ZeroDivisionError as e:
    print(type(e).__name__)
print(hash(1 + 0j) == hash(1), {1: "one"}.get(1 + 0j))
def mandel(c, limit=50):
    z = 0j
    for i in range(limit):
        z = z * z + c
        if abs(z) > 2:
            return i
    return limit
for y in range(-2, 3):
    print("".join("#" if mandel(complex(x / 2, y / 2)) == 50 else "." for x in range(-4, 2)))
