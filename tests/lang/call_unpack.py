# unpacking in function calls
def f(a, b, c, d=0, e=0):
    return a, b, c, d, e

print(f(*[1, 2, 3]))
print(f(*(1, 2), 3))
print(f(1, *[2, 3], *[4]))
print(f(*"xyz"))
print(f(*range(5)))
print(f(**{"a": 1, "b": 2, "c": 3}))
print(f(1, **{"c": 3}, b=2))
print(f(*[1], **{"b": 2}, **{"c": 3, "e": 5}))
print(f(*(i for i in range(3))))
print(f(*{7: 0, 8: 0, 9: 0}))

def g(*args, **kw):
    return args, sorted(kw.items())
print(g(*[], **{}))
print(g(*[1, 2], *[3], 4, *(5,)))
print(g(**{"a": 1}, **{"b": 2}, c=3))

class Seq:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return iter(range(self.n))
print(g(*Seq(4)))

class Mapping:
    def keys(self):
        return ["p", "q"]
    def __getitem__(self, k):
        return k.upper()
print(g(**Mapping()))

print(*[1, 2, 3])
print(*"abc", sep="-")
print(max(*[3, 1, 4]), min(*(3, 1, 4)))
args = [1, 2]
kwargs = {"sep": "|"}
print(*args, **kwargs)
