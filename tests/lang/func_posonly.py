# positional-only parameters
def f(a, b, /, c, d=4, *, e=5):
    return [a, b, c, d, e]

print(f(1, 2, 3))
print(f(1, 2, c=3))
print(f(1, 2, 3, 4, e=6))
print(f(1, 2, d=0, c=9))

def g(a, /, **kw):
    # 'a' may also appear as a keyword in **kw because it is positional-only
    return a, sorted(kw.items())
print(g(1, a=2, b=3))

def h(x=1, y=2, /):
    return x - y
print(h(), h(10), h(10, 3))

for thunk in (lambda: f(a=1, b=2, c=3), lambda: f(1, b=2, c=3), lambda: h(x=1),
              lambda: f(1, 2, 3, 4, 5), lambda: f(1, 2)):
    try:
        thunk()
        print("no error")
    except TypeError as e:
        print(type(e).__name__)

def only(a, /):
    return a * 2
print(only(21))
print(list(map(only, [1, 2, 3])))

class P:
    def m(self, v, /, scale=1):
        return v * scale
p = P()
print(p.m(3), p.m(3, 4), p.m(3, scale=5))
try:
    p.m(v=3)
except TypeError as e:
    print(type(e).__name__)
