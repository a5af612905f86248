# __enter__/__exit__: return values, suppression, exceptions inside exit
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, repr(ev) if ev else None)
        return self.suppress

with CM("a") as v:
    print("body", v)

with CM("b", suppress=True):
    raise ValueError("swallowed")
print("after b")

try:
    with CM("c"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))

with CM("outer", True), CM("inner") as i:
    print("inner value", i)
    raise RuntimeError("x")
print("after nested")

def f():
    with CM("in func"):
        return "returned"
print(f())

for n in range(3):
    with CM("loop%d" % n):
        if n == 1:
            continue
        if n == 2:
            break
        print("loop body", n)

class Broken:
    def __enter__(self):
        raise OSError("enter failed")
    def __exit__(self, *a):
        print("never")
try:
    with Broken():
        print("never body")
except OSError as e:
    print("OSError", e)

class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise TypeError("from exit")
try:
    with ExitRaises():
        raise ValueError("orig")
except TypeError as e:
    print("TypeError", e, repr(e.__context__))

class Truthy:
    def __enter__(self): return None
    def __exit__(self, *a): return 1
with Truthy() as nothing:
    1 / 0
print("suppressed by truthy", nothing)

class Resource:
    opened = 0
    def __enter__(self):
        Resource.opened += 1
        return self
    def __exit__(self, *a):
        Resource.opened -= 1
with Resource() as r1:
    with Resource() as r2:
        print("open", Resource.opened)
print("open", Resource.opened)
