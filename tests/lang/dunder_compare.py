# rich comparisons, reflection, NotImplemented, sorting by __lt__
class C:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("eq", self.v, getattr(o, "v", o))
        return isinstance(o, C) and self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
    def __le__(self, o):
        return self.v <= o.v
    def __gt__(self, o):
        return self.v > o.v
    def __ge__(self, o):
        return self.v >= o.v
    def __repr__(self):
        return "C%d" % self.v
    __hash__ = None

a, b = C(1), C(2)
print(a < b, a <= b, a > b, a >= b)
print(a == C(1))
print(a != b)
print(a == 1)
print(sorted([C(3), C(1), C(2)]))
print(max(C(5), C(9), C(7)), min([C(5), C(9), C(7)]))

class OnlyLt:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print("lt called on", self.v)
        return self.v < o.v
x, y = OnlyLt(1), OnlyLt(2)
print(y > x)     # reflected to x < y
try:
    x <= y
except TypeError as e:
    print(type(e).__name__)

class NoEq:
    pass
n1, n2 = NoEq(), NoEq()
print(n1 == n1, n1 == n2, n1 != n2)

class AlwaysEq:
    def __eq__(self, o):
        return True
print(AlwaysEq() == 5, 5 == AlwaysEq(), AlwaysEq() != 5)
print([1, AlwaysEq()].count(99), AlwaysEq() in [1, 2])

class NI:
    def __eq__(self, o):
        return NotImplemented
print(NI() == NI(), NI() != 3)

class Ver:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __lt__(self, o): return self.parts < o.parts
    def __eq__(self, o): return self.parts == o.parts
    def __repr__(self): return ".".join(map(str, self.parts))
vs = [Ver("1.10"), Ver("1.2"), Ver("1.2.1"), Ver("0.9")]
print(sorted(vs))
print(Ver("1.0") == Ver("1.0"), Ver("1.0") < Ver("1.0.0"))
try:
    C(1) < 5
except AttributeError as e:
    print(type(e).__name__)
try:
    NoEq() < NoEq()
except TypeError as e:
    print(type(e).__name__)
