# nested assignment targets, chained assignment, swap
(a, b), c = (1, 2), 3
print(a, b, c)
a, (b, (c, d)) = 1, (2, (3, 4))
print(a, b, c, d)
[a, [b, c]] = ["x", "yz"]
print(a, b, c)
x = y = z = []
x.append(1)
print(y, z, x is z)
a, b = b, a
print(a, b)
a, b, c = c, a, b
print(a, b, c)
lst = [1, 2, 3]
i = 0
i, lst[i] = 1, 9
print(i, lst)
d = {}
d["a"], d["b"] = d["c"] = (1, 2)
print(sorted(d.items()))
pairs = [((1, 2), "a"), ((3, 4), "b")]
for (x, y), name in pairs:
    print(name, x + y)
for i, (k, v) in enumerate({"p": 1, "q": 2}.items()):
    print(i, k, v)
matrix = [[1, 2], [3, 4]]
(m00, m01), (m10, m11) = matrix
print(m00 * m11 - m01 * m10)
try:
    (a, b), c = (1, 2, 3), 4
except ValueError as e:
    print(type(e).__name__)
s = "ab"
(c1, c2) = s
print(c1, c2)
((q,),) = [[7]]
print(q)
a = b = 5
a += 1
print(a, b)
obj = type("T", (), {})()
obj.a, obj.b = [1, 2]
print(obj.a, obj.b)
