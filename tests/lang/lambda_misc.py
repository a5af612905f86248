sq = lambda x: x * x
print(sq(7), (lambda: "noargs")(), (lambda *a, **k: (a, k))(1, b=2))
print(list(map(lambda x: x + 1, range(3))), sorted([(1, "b"), (0, "z")], key=lambda p: p[1]))
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, lambda x: x + 1)(3))
print((lambda x, y=10: x + y)(1), (lambda x, *, y: x - y)(5, y=2))
