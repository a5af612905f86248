def trace(fn):
    def wrapper(*a, **k):
        print("calling", fn.__name__, a)
        return fn(*a, **k)
    return wrapper
@trace
def add(a, b):
    return a + b
print(add(2, 3))
def repeat(n):
    def deco(fn):
        def w():
            return [fn() for _ in range(n)]
        return w
    return deco
@repeat(3)
def one():
    return 1
print(one())
def register(cls):
    cls.registered = True
    return cls
@register
class R: pass
print(R.registered)
class M:
    @staticmethod
    @trace
    def s(x): return x
print(M.s(9))
