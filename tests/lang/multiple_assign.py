a = b = c = []
a.append(1)
print(a, b, c, a is c)
x, y = y, x = 1, 2
print(x, y)
[p, q], r = [1, 2], 3
print(p, q, r)
(s, t), (u, v) = "ab", "cd"
print(s, t, u, v)
i = 0
lst = [0, 0, 0]
i, lst[i] = 1, 5
print(i, lst)
m = n = 7
m += 1
print(m, n)
