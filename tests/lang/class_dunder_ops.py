class Money:
    def __init__(self, cents): self.cents = cents
    def __add__(self, o): return Money(self.cents + (o.cents if isinstance(o, Money) else o))
    __radd__ = __add__
    def __sub__(self, o): return Money(self.cents - o.cents)
    def __mul__(self, k): return Money(self.cents * k)
    def __truediv__(self, k): return Money(self.cents // k)
    def __floordiv__(self, k): return Money(self.cents // k)
    def __mod__(self, k): return Money(self.cents % k)
    def __neg__(self): return Money(-self.cents)
    def __abs__(self): return Money(abs(self.cents))
    def __eq__(self, o): return self.cents == o.cents
    def __lt__(self, o): return self.cents < o.cents
    def __le__(self, o): return self.cents <= o.cents
    def __bool__(self): return self.cents != 0
    def __repr__(self): return "$%d.%02d" % divmod(self.cents, 100)
    def __iadd__(self, o):
        self.cents += o.cents
        return self
a = Money(1050); b = Money(325)
print(a + b, a - b, a * 3, a / 4, a // 3, a % 7, -b, abs(-b), sum([a, b]), 5 + a)
print(a == Money(1050), a < b, a <= a, a > b, bool(Money(0)), sorted([a, b]))
m = a; m += b; print(m is a, a)
class Bits:
    def __init__(self, v): self.v = v
    def __and__(self, o): return Bits(self.v & o.v)
    def __or__(self, o): return Bits(self.v | o.v)
    def __xor__(self, o): return Bits(self.v ^ o.v)
    def __lshift__(self, n): return Bits(self.v << n)
    def __rshift__(self, n): return Bits(self.v >> n)
    def __invert__(self): return Bits(~self.v)
    def __pow__(self, n): return Bits(self.v ** n)
    def __rpow__(self, n): return Bits(n ** self.v)
    def __matmul__(self, o): return Bits(self.v * o.v)
x = Bits(12); y = Bits(10)
print((x & y).v, (x | y).v, (x ^ y).v, (x << 2).v, (x >> 1).v, (~x).v, (x ** 2).v, (2 ** y).v, (x @ y).v)
try:
    Money(1) * Money(2) + "s"
except TypeError as e:
    print("TypeError")
