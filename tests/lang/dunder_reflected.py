# reflected operators (__radd__ and friends) and NotImplemented fallback
class R:
    def __init__(self, name):
        self.name = name
    def __radd__(self, o): return "radd(%r, %s)" % (o, self.name)
    def __rsub__(self, o): return "rsub(%r, %s)" % (o, self.name)
    def __rmul__(self, o): return "rmul(%r, %s)" % (o, self.name)
    def __rtruediv__(self, o): return "rtruediv(%r, %s)" % (o, self.name)
    def __rfloordiv__(self, o): return "rfloordiv(%r, %s)" % (o, self.name)
    def __rmod__(self, o): return "rmod(%r, %s)" % (o, self.name)
    def __rpow__(self, o): return "rpow(%r, %s)" % (o, self.name)
    def __rlshift__(self, o): return "rlshift(%r, %s)" % (o, self.name)
    def __rrshift__(self, o): return "rrshift(%r, %s)" % (o, self.name)
    def __rand__(self, o): return "rand(%r, %s)" % (o, self.name)
    def __ror__(self, o): return "ror(%r, %s)" % (o, self.name)
    def __rxor__(self, o): return "rxor(%r, %s)" % (o, self.name)
    def __rmatmul__(self, o): return "rmatmul(%r, %s)" % (o, self.name)

r = R("r")
print(1 + r)
print(1.5 - r)
print(3 * r)
print(2 / r)
print(2 // r)
print(2 % r)
print(2 ** r)
print(2 << r)
print(2 >> r)
print(2 & r)
print(2 | r)
print(2 ^ r)
print(2 @ r)
print(sum([r2 for r2 in []], 0) + r)

class L:
    def __add__(self, o):
        return NotImplemented
    def __repr__(self):
        return "L"
class RR:
    def __radd__(self, o):
        return "RR.__radd__ got %r" % (o,)
print(L() + RR())

class Num:
    def __init__(self, v): self.v = v
    def __add__(self, o):
        return Num(self.v + (o.v if isinstance(o, Num) else o))
    __radd__ = __add__
    def __repr__(self): return "Num(%d)" % self.v
print(sum([Num(1), Num(2), Num(3)]))
print(10 + Num(5), Num(5) + 10)

class Sub(Num):
    def __radd__(self, o):
        return "Sub.__radd__ first"
print(Num(1) + Sub(2))

class Nothing:
    pass
try:
    1 + Nothing()
except TypeError as e:
    print(type(e).__name__)
try:
    Nothing() - 1
except TypeError as e:
    print(type(e).__name__)
