t = (1, 2, 3)
print(t, len(t), t[0], t[-1], t[1:], t + (4,), t * 2, (1,), (), tuple([1, 2]), tuple("ab"))
print(t.index(2), t.count(3), 2 in t, t == (1, 2, 3), t < (1, 2, 4), (1, 2) < (1, 2, 3))
a, b, c = t
print(a, b, c)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "x"}[(1, 2)])
x = 1, 2
print(x, type(x))
nested = ((1, 2), (3, (4, 5)))
print(nested, nested[1][1][0])
