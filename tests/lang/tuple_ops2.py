t = tuple(range(10))
print(t[::2], t[-3:], t[5:2:-1], len(t), t.index(7), max(t), min(t), sum(t))
a, *b = t[:4]
print(a, b)
print((1, 2) + (3,), (0,) * 3, (1, (2, 3)) < (1, (2, 4)), () < (0,), (1,) == (1.0,))
print(sorted([(2, "b"), (1, "z"), (2, "a")]), tuple(x * 2 for x in t[:3]))
d = {(1, 2): "a", (3,): "b"}
print(d[(1, 2)], d[3,], (1, 2) in d)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError", e)
print(repr((1,)), repr(()), repr(("a", 1.5, None)), str((1, 2)))
