class A:
    def go(self): return ["A"]
class B(A):
    def go(self): return ["B"] + super().go()
class C(A):
    def go(self): return ["C"] + super().go()
class D(B, C):
    def go(self): return ["D"] + super().go()
print(D().go(), [c.__name__ for c in D.mro()])
class Init:
    def __init__(self, **kw):
        self.kw = kw
class X(Init):
    def __init__(self, a, **kw):
        super().__init__(**kw)
        self.a = a
x = X(1, b=2)
print(x.a, x.kw)
class P:
    @classmethod
    def make(cls): return cls.__name__
class Q(P):
    @classmethod
    def make(cls): return "Q+" + super().make()
print(Q.make())
try:
    class Bad(A, B): pass
except TypeError:
    print("TypeError MRO")
