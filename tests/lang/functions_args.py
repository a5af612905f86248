def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f(*[1, 2, 3], **{"c": 0, "z": 1}))
def g(a, b, /, c, *, d):
    return a + b + c + d
print(g(1, 2, 3, d=4), g(1, 2, c=3, d=4))
def h(*args, **kwargs):
    return args, kwargs
print(h(), h(1, x=2), h(*(1, 2), *[3], **{"a": 1}, **{"b": 2}))
def defaults(x, acc=[]):
    acc.append(x)
    return acc
print(defaults(1), defaults(2))
for call in [lambda: f(), lambda: f(1, 2), lambda: g(1, 2, 3, 4), lambda: f(1, c=1, a=2), lambda: h(**{1: 2}) if False else g(1, b=2, c=3, d=4)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
print((lambda x, y=1: x * y)(5), (lambda *a: a)(1, 2))
def outer():
    return inner()
def inner():
    return "inner"
print(outer())
