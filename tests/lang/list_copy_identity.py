a = [1, [2, 3]]
b = a[:]
c = list(a)
d = a.copy()
b[0] = 100
b[1].append(4)
print(a, b, c, d, a[1] is c[1])
e = a * 2
print(e, e[1] is e[3])
