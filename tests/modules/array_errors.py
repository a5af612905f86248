# array: error cases
from array import array as A

def attempt(f, *args):
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)

for tc in "bBhHiIlLqQ":
    for v in (2**70, 2**64, 2**63, 2**32, 2**31, 2**16, 2**15, 256, 128, -1, -129, -2**15 - 1, -2**31 - 1,
              -2**63 - 1, -2**64):
        try:
            A(tc, [v])
        except OverflowError as e:
            print(tc, v, e)

attempt(A, "z")
attempt(A, "ii")
attempt(A, 1)
attempt(A, "i", "abc")
attempt(A, "i", b"abc")
attempt(A, "i", [1.5])
attempt(A, "i", ["1"])
attempt(A, "f", ["x"])
attempt(A, "d", [None])
attempt(A, "i", 5)
attempt(A)
a = A("i", [1, 2, 3])
attempt(lambda: a + [1])
attempt(lambda: a + A("h"))
attempt(a.extend, A("h", [1]))
attempt(a.extend, 5)
attempt(a.__setitem__, slice(0, 1), [1])
attempt(a.__setitem__, slice(0, 1), A("d", [1]))
attempt(a.__setitem__, slice(0, 3, 2), A("i", [1]))
attempt(a.__setitem__, "x", 1)
attempt(lambda: a["x"])
attempt(lambda: a[1.0])
attempt(lambda: a[3])
attempt(lambda: a[-4])
attempt(a.__setitem__, 3, 1)
attempt(a.__setitem__, 0, "s")
attempt(a.__delitem__, 5)
attempt(a.remove, 9)
attempt(a.index, 9)
attempt(a.pop, 3)
attempt(A("i").pop)
attempt(a.frombytes, b"abc")
attempt(a.frombytes, "abcd")
attempt(a.fromlist, (1,))
attempt(a.append, "x")
attempt(a.insert, 0, 1.5)
attempt(lambda: a * "x")
attempt(lambda: a * 1.5)
attempt(lambda: hash(a) and 0)
try:
    a < [1]
except TypeError as e:
    print("TypeError")
b = A("i", [1, 2])
try:
    b.extend([3, "bad", 5])
except TypeError as e:
    print("extend failed:", e, b)
try:
    b += [1]
except TypeError as e:
    print("iadd failed:", e, b)
print(a)
