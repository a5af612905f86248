# class decorators and decorators that are classes
def add_greeting(cls):
    cls.greet = lambda self: "hello from " + type(self).__name__
    return cls

@add_greeting
class Person:
    pass
print(Person().greet())

registry = []
def registered(cls):
    registry.append(cls.__name__)
    return cls

@registered
class A:
    pass
@registered
class B(A):
    pass
print(registry, issubclass(B, A))

def singleton(cls):
    instances = {}
    def get(*a):
        if cls not in instances:
            instances[cls] = cls(*a)
        return instances[cls]
    return get

@singleton
class Config:
    def __init__(self, v):
        self.v = v
c1 = Config(1)
c2 = Config(2)
print(c1 is c2, c1.v)

class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
    def __call__(self, *a, **k):
        self.calls += 1
        return self.fn(*a, **k)

@CountCalls
def square(x):
    return x * x
print(square(3), square(4), square.calls)

class Prefix:
    def __init__(self, p):
        self.p = p
    def __call__(self, fn):
        def w(*a):
            return self.p + fn(*a)
        return w

@Prefix(">> ")
def msg(s):
    return s
print(msg("text"))

def with_repr(cls):
    def __repr__(self):
        fields = ", ".join("%s=%r" % (k, getattr(self, k)) for k in cls.fields)
        return "%s(%s)" % (cls.__name__, fields)
    cls.__repr__ = __repr__
    return cls

@with_repr
class Point:
    fields = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
print(Point(1, "two"), [Point(0, 0)])
