a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abc"
print(init, last)
h, *mid, t = range(6)
print(h, mid, t)
x, = [9]
print(x)
print([*range(3), *"ab"], (*[1], 2), {*[1, 2], 3}, {**{"a": 1}, "b": 2})
for i, (k, v) in enumerate({"x": 1, "y": 2}.items()):
    print(i, k, v)
try:
    a, b = [1, 2, 3]
except ValueError as err:
    print(err)
try:
    a, b, c = [1, 2]
except ValueError as err:
    print(err)
try:
    a, b = 5
except TypeError as err:
    print(err)
i = j = k = 0
print(i, j, k)
l = [0, 0, 0]
l[0], l[2] = "a", "c"
print(l)
