# Inline attribute caches: attributes of classes, metaclasses, modules and
# builtin types, through the same call sites before and after changes.
import math
import sys

def attr_k(o):
    return o.k

class A:
    k = "A.k"
class B(A):
    pass
r = [attr_k(A), attr_k(B), attr_k(A), attr_k(B)]
A.k = "A.k2"
r += [attr_k(A), attr_k(B)]
B.k = "B.k"
r += [attr_k(A), attr_k(B)]
print(r)

# metaclass attributes and metaclass data descriptors
class Meta(type):
    k = "Meta.k"
class M(metaclass=Meta):
    pass
r = [attr_k(M), attr_k(M)]
M.k = "M.k"
r.append(attr_k(M))
del M.k
r.append(attr_k(M))
M.k = "M.k again"
r.append(attr_k(M))
Meta.k = property(lambda cls: "meta property")
r.append(attr_k(M))
del Meta.k
r.append(attr_k(M))
print(r)

# methods called through the class, staticmethods, classmethods
class K:
    def f(self, x):
        return ("f", x)
    s = staticmethod(lambda x: ("s", x))
    c = classmethod(lambda cls, x: (cls.__name__, x))
class K2(K):
    pass
def calls(cls, obj):
    return [cls.f(obj, 1), cls.s(2), cls.c(3), obj.f(4), obj.s(5), obj.c(6)]
for _ in range(2):
    print(calls(K, K()), calls(K2, K2()))
K.f = lambda self, x: ("f2", x)
print(calls(K2, K2()))

# explicit base-class calls
class Base:
    def __init__(self):
        self.tag = "base"
class Derived(Base):
    def __init__(self):
        Base.__init__(self)
        self.tag += "+derived"
print([Derived().tag for _ in range(3)])

# class names and special attributes
def name_of(c):
    return c.__name__
print([name_of(c) for c in (A, B, M, int, A, B)])
A.__name__ = "Renamed"
print(name_of(A), A.__qualname__)

# modules: attribute loads and method calls, changes to the module
def pi():
    return math.pi
def sq(x):
    return math.sqrt(x)
print(pi(), pi(), sq(16.0), sq(25.0))
math.pi = 3
print(pi())
math.sqrt = lambda x: "patched"
print(sq(4))
del math.sqrt
try:
    sq(4)
except AttributeError as e:
    print(e)
print(sys.maxsize > 0, sys.maxsize > 0)

# builtin types' methods, several types at one site
def up(s):
    return s.upper()
print([up(x) for x in ["a", "b", b"c", "d", bytearray(b"e")]])
def app(l, v):
    l.append(v)
    return l
print(app([], 1), app([2], 3), app([], 4))
d = {}
for i in range(5):
    d[i % 2] = d.get(i % 2, 0) + i
print(d)
print([(1.5).is_integer(), (2.0).is_integer(), (7).bit_length(), (255).bit_length()])
print(", ".join(["x", "y"]), str.join("-", ["p", "q"]), str.join("-", ["r", "s"]))
print(dict.fromkeys("ab"), dict.fromkeys("cd", 0))
print(int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\x02\x00", "little"))
