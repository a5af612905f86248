class A:
    def __init__(self):
        self.log = ["A"]
    def who(self):
        return "A"
    def hello(self):
        return "hello from " + self.who()
class B(A):
    def __init__(self):
        super().__init__()
        self.log.append("B")
    def who(self):
        return "B"
class C(A):
    def who(self):
        return "C+" + super().who()
class D(B, C):
    def __init__(self):
        super().__init__()
        self.log.append("D")
d = D()
print(d.log, d.who(), d.hello(), [k.__name__ for k in D.__mro__])
print(isinstance(d, A), issubclass(D, C), issubclass(A, D), B.__bases__[0].__name__)
print(C().hello())
class Base:
    def method(self):
        return "base"
class Derived(Base):
    def method(self):
        return "derived+" + super(Derived, self).method()
print(Derived().method())
