# multiple inheritance and the C3 MRO
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B" + super().who()
class C(A):
    def who(self):
        return "C" + super().who()
class D(B, C):
    def who(self):
        return "D" + super().who()
print([c.__name__ for c in D.__mro__])
print(D().who())

class X: pass
class Y: pass
class Z: pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass
print([c.__name__ for c in M.__mro__])

class Base:
    attr = "base"
class Left(Base):
    pass
class Right(Base):
    attr = "right"
class Bottom(Left, Right):
    pass
print(Bottom.attr, Bottom().attr)

try:
    class Bad(A, B):
        pass
    print("no error")
except TypeError as e:
    print(type(e).__name__)

class Mixin:
    def describe(self):
        return "I am " + self.name()
class Named:
    def name(self):
        return "named"
class Thing(Mixin, Named):
    pass
print(Thing().describe())
print(isinstance(Thing(), Mixin), isinstance(Thing(), Named), issubclass(Thing, object))
print([c.__name__ for c in Thing.__bases__])
print([c.__name__ for c in bool.__mro__])

class Init1:
    def __init__(self):
        print("Init1")
        super().__init__()
class Init2:
    def __init__(self):
        print("Init2")
        super().__init__()
class Both(Init1, Init2):
    def __init__(self):
        print("Both")
        super().__init__()
Both()
