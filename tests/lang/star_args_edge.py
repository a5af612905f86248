def f(*args, **kw):
    return args, sorted(kw.items())
print(f(*[], **{}), f(*"ab"), f(*range(3), x=1), f(1, *[2, 3], 4, *(5,)))
print(f(**{"a": 1}, b=2), f(*[1], **dict(z=0)))
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError", e)
def g(a, b, c):
    return a * 100 + b * 10 + c
print(g(*[1, 2, 3]), g(1, *[2], **{"c": 3}), g(c=1, b=2, a=3))
args = (1, 2)
kwargs = {"c": 9}
print(g(*args, **kwargs), print(*[], sep="x") is None)
first, *middle, last = (lambda *a: a)(1, 2, 3, 4)
print(first, middle, last)
