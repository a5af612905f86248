class A:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, A) and self.v == o.v
try:
    hash(A(1))
except TypeError as e:
    print("TypeError", e)
class B:
    pass
b1 = B(); b2 = B()
print(b1 == b1, b1 == b2, b1 != b2, hash(b1) == hash(b1))
class C:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return "C(%r)" % self.v
print(sorted([C(3), C(1), C(2)]), max(C(1), C(5)), C(1) > C(0))
class D:
    def __eq__(self, o): return NotImplemented
print(D() == D(), D() != 1)
