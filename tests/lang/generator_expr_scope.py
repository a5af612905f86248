x = 10
g = (x + i for i in range(3))
x = 20
print(list(g))
class K:
    vals = [1, 2, 3]
    total = sum(v for v in vals)
print(K.total)
print(list((i, j) for i in range(2) for j in range(i, 2)))
print(any(v > 2 for v in [1, 2, 3]), all(v > 0 for v in []))
