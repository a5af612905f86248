# lambdas: defaults, varargs, nesting, in data structures
add = lambda a, b=10: a + b
print(add(1), add(1, 2), add(b=3, a=4))
va = lambda *a, **k: (a, sorted(k))
print(va(), va(1, 2, x=3))
kwo = lambda *, k=1: k * 2
print(kwo(), kwo(k=5))
nest = lambda x: lambda y: lambda z: x + y + z
print(nest(1)(2)(3))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print([ops[o](7, 3) for o in "+-*"])
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print((lambda: "immediate")())
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6])))
print(list(filter(lambda x: x % 3 == 0, range(10))))
cond = lambda x: "pos" if x > 0 else ("zero" if x == 0 else "neg")
print([cond(v) for v in (-1, 0, 1)])
print(type(add).__name__, add.__name__ if hasattr(add, "__name__") else "")
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
pairs = [(1, "b"), (2, "a"), (1, "a")]
print(sorted(pairs, key=lambda p: (p[1], -p[0])))
y = 5
capt = lambda: y
y = 6
print(capt())
print((lambda x, /, y: x - y)(10, y=3))
class K:
    method = lambda self, v: v * 3
print(K().method(4))
