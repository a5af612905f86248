# CPython 3.11's wording of common call errors, and next() with generator
# return values
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

def f(**k):
    pass
class C:
    def m(self, **k):
        pass
t(lambda: f(a=1, **{"a": 2}))
t(lambda: f(**{"a": 1}, **{"a": 2}))
t(lambda: C().m(a=1, **{"a": 2}))
t(lambda: print(**{"sep": 1}, **{"sep": 2}))
t(lambda: f(**{1: 2}))
t(lambda: f(**1))
t(lambda: f(*1))
t(lambda: (lambda **k: 0)(**{"a": 1}, **{"a": 2}))
def outer():
    def inner():
        return a
    a = 1
    del a
    return inner()
t(outer)
def local():
    print(z)
    z = 1
t(local)
t(lambda: [].append())
t(lambda: [].pop(1, 2))
t(lambda: [].insert(1))
t(lambda: {}.get())
t(lambda: "".count())
t(lambda: "".find())
t(lambda: "".split(1, 2, 3))
t(lambda: "".replace("a"))
t(lambda: "".upper(1))
t(lambda: divmod(1))
t(lambda: getattr(1))
t(lambda: len())
t(lambda: len(1, 2))
t(lambda: next())
t(lambda: staticmethod())
t(lambda: float.fromhex())
t(lambda: dict.fromkeys())
t(lambda: str.upper())
t(lambda: zip.__next__())
t(lambda: max())
t(lambda: max(x=1))
t(lambda: sorted([1], foo=1))
t(lambda: chr(2**70))
t(lambda: print.__call__("via __call__"))
t(lambda: f.__call__(a=1))
def g():
    yield 1
    return 2
it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.value, e.args)
try:
    next(it)
except StopIteration as e:
    print("again", e.value, e.args)
print(next(g(), "d"), next(it, "default"))
class It:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration("own")
try:
    next(It())
except StopIteration as e:
    print("own", e.value)
print(next(It(), "dflt"))
