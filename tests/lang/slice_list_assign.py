# list slicing with steps, slice assignment and deletion
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[::2], a[1::3], a[::-1], a[8:2:-2], a[-1:-4:-1])
print(a[100:], a[-100:2], a[5:1], a[::-3], a[3:3])
b = a[:]
b[2:5] = ["x"]
print(b)
b = a[:]
b[2:2] = ["ins1", "ins2"]
print(b)
b = a[:]
b[:] = "abc"
print(b)
b = a[:]
b[::2] = [0] * 5
print(b)
b = a[:]
b[1::3] = "XYZ"
print(b)
b = a[:]
try:
    b[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__)
b = a[:]
b[8:2:-2] = [-1, -2, -3]
print(b)
b = a[:]
del b[::3]
print(b)
b = a[:]
del b[2:-2]
print(b)
b = a[:]
del b[::-2]
print(b)
b = a[:]
del b[5:1]
print(b)
b = a[:]
b[len(b):] = [10, 11]
print(b)
b = a[:]
b[-2:] = []
print(b)
b = a[:3]
b[1:2] = b
print(b)
b = a[:]
b[3:6] = range(100, 103)
print(b)
b = a[:]
b[::-1] = b
print(b)
c = [1, 2, 3]
c[5:10] = [9]
print(c)
try:
    c[0:1] = 5
except TypeError as e:
    print(type(e).__name__)
try:
    a[::0]
except ValueError as e:
    print(type(e).__name__)
t = tuple(range(6))
print(t[::2], t[::-1], t[1:-1], "abcdef"[::-2], "abcdef"[-2:], range(10)[2:8:3])
