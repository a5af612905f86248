# array: construction, indexing, slicing, mutation, operators, conversions
import array
from array import array as A

for tc in "bBhHiIlLqQfd":
    a = A(tc, [1, 2, 3])
    print(tc, a, a.typecode, a.itemsize, len(a), a[0], a[-1], list(a), sum(a))
print(A("i"), A("d", []), A("f"), repr(A("b", [-1])), str(A("H", [7])))
print(A("d", [1, 2.5, -0.0]), A("f", [0.1, 1e10]), A("i", range(5)), A("h", (x * x for x in range(4))))
print(A("B", b"\x01\x02\xff"), A("h", bytearray(b"\x01\x00\x02\x00")), A("b", A("i", [1, 2])), A("i", A("i", [4])))
print(A("q", [-2**63, 2**63 - 1]), A("Q", [2**64 - 1]), A("L", [2**64 - 1]), A("l", [-2**63]))
print(A("i", [True, False]), A("d", [True, 3]))

# indexing and slicing
a = A("i", range(10))
print(a[3], a[-2], a[2:5], a[::3], a[::-1], a[-3:], a[8:100], a[5:2], a[1:8:2])
a[0] = -1
a[-1] = 99
a[2:4] = A("i", [20, 30, 31])
print(a, len(a))
a[::2] = A("i", [0] * 6)
print(a)
a[1:1] = A("i", [7, 7])
a[len(a):] = A("i", [100])
print(a)
del a[0]
del a[-1]
del a[1:3]
del a[::3]
print(a)
a[:] = A("i")
print(a, len(a), bool(a), bool(A("i", [0])))
b = A("h", [1, 2, 3, 4, 5])
del b[::-2]
print(b)
c = A("b", [1, 2, 3])
c[:] = c
c[1:] = c
print(c)

# methods
a = A("i", [5, 1, 4])
a.append(9)
a.extend([2, 2])
a.extend(A("i", [8]))
a.extend(x for x in (6, 6))
a.insert(0, 100)
a.insert(-1, 50)
a.insert(99, 77)
a.insert(-99, -77)
print(a, a.index(2), a.index(6, 5), a.count(2), a.count(42))
print(a.pop(), a.pop(0), a.pop(2), a)
a.remove(2)
a.reverse()
print(a, a.tolist(), 4 in a, 42 in a)
a.fromlist([1, 2])
print(a)
bs = A("H", [1, 258]).tobytes()
print(bs)
d = A("H")
d.frombytes(bs)
d.frombytes(b"")
print(d)
d.byteswap()
print(d)
info = A("i", [1, 2, 3]).buffer_info()
print(type(info[0]).__name__, info[1])
e = A("d", [1.5])
f = e.__copy__()
f.append(2.5)
print(e, f)

# operators
x = A("i", [1, 2])
y = A("i", [3])
print(x + y, x * 3, 2 * x, x * 0, x * -1)
x += y
print(x)
x *= 2
print(x)
x *= 0
print(x)
print(A("i", [1, 2]) == A("i", [1, 2]), A("i", [1, 2]) != A("i", [1, 3]), A("i", [1, 2]) == A("d", [1.0, 2.0]))
print(A("i", [1, 2]) < A("i", [1, 3]), A("i", [1, 2]) <= A("i", [1, 2]), A("i", [2]) > A("i", [1, 9]),
      A("i", [1]) >= A("i", [1, 0]), A("b", []) < A("b", [0]))
print(A("i", [1]) == [1], A("f", [0.5]) == A("d", [0.5]))
for v in A("h", [3, -3]):
    print(v)
it = iter(A("B", [9]))
print(next(it), next(it, "done"))
print(list(reversed(A("i", [1, 2, 3]))), sorted(A("i", [3, 1, 2])), max(A("d", [1.5, -2.0])))

# buffer protocol
m = memoryview(A("h", [1, -2, 3]))
print(m.format, m.itemsize, len(m), m[1], m.tolist(), m.nbytes)
ar = A("I", [0, 0])
mv = memoryview(ar)
mv[1] = 12345
print(ar, bytes(A("i", [1, 256])), bytearray(A("B", [65, 66])), bytes(A("d", [1.0])))
print(A("i", [1]).tobytes() == bytes(A("i", [1])), "i" in array.typecodes, "d" in array.typecodes)
print(array.ArrayType is A if hasattr(array, "ArrayType") else True)
