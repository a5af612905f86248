a = list(range(10))
print(a[2:8:2], a[::-3], a[-3:], a[:-7], a[100:], a[-100:2])
a[2:5] = []
print(a)
a[1:1] = ["x", "y"]
print(a)
b = a[:]
b.insert(-1, "ins"); b.insert(100, "end"); b.insert(-100, "start")
print(b)
print(a.index("y"), a.index(9, 3), [1, 2, 1, 2].index(2, 2))
c = [3, 1, 2]
print(c.sort() is None, c, sorted(c) is not c)
d = [[]] * 3; d[0].append(1); print(d)
e = [1, 2, 3]; e[-1] = 30; e[0] += 10; print(e)
print([1, [2, [3]]], str([1.5, "s", None]), repr(["q'"]))
f = [5, 3, 8]; print(f.pop(1), f, f.pop(-1), f)
g = list(range(5)); del g[1:3]; print(g); del g[:]; print(g)
