# every binary and unary arithmetic dunder
class V:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "V(%r)" % (self.v,)
    def __add__(self, o): return V(("add", self.v, o))
    def __sub__(self, o): return V(("sub", self.v, o))
    def __mul__(self, o): return V(("mul", self.v, o))
    def __matmul__(self, o): return V(("matmul", self.v, o))
    def __truediv__(self, o): return V(("truediv", self.v, o))
    def __floordiv__(self, o): return V(("floordiv", self.v, o))
    def __mod__(self, o): return V(("mod", self.v, o))
    def __divmod__(self, o): return ("divmod", self.v, o)
    def __pow__(self, o, m=None): return V(("pow", self.v, o, m))
    def __lshift__(self, o): return V(("lshift", self.v, o))
    def __rshift__(self, o): return V(("rshift", self.v, o))
    def __and__(self, o): return V(("and", self.v, o))
    def __or__(self, o): return V(("or", self.v, o))
    def __xor__(self, o): return V(("xor", self.v, o))
    def __neg__(self): return V(("neg", self.v))
    def __pos__(self): return V(("pos", self.v))
    def __invert__(self): return V(("invert", self.v))
    def __abs__(self): return V(("abs", self.v))

a = V(1)
print(a + 2)
print(a - 2)
print(a * 2)
print(a @ 2)
print(a / 2)
print(a // 2)
print(a % 2)
print(divmod(a, 2))
print(a ** 2)
print(pow(a, 2, 5))
print(a << 2)
print(a >> 2)
print(a & 2)
print(a | 2)
print(a ^ 2)
print(-a)
print(+a)
print(~a)
print(abs(a))
print(a + a)

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, o):
        if isinstance(o, Money):
            return Money(self.cents + o.cents)
        return NotImplemented
    def __mul__(self, k):
        if isinstance(k, int):
            return Money(self.cents * k)
        return NotImplemented
    def __repr__(self):
        return "$%d.%02d" % divmod(self.cents, 100)
print(Money(150) + Money(275), Money(199) * 3)
for bad in (lambda: Money(1) + 1, lambda: Money(1) * 1.5, lambda: 1 + Money(1), lambda: -Money(1)):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__)
