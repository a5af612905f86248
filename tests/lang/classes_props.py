class Temp:
    def __init__(self): self._c = 0
    @property
    def celsius(self): return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273: raise ValueError("too cold")
        self._c = v
    @staticmethod
    def unit(): return "C"
    @classmethod
    def make(cls, v):
        t = cls(); t.celsius = v; return t
t = Temp.make(25)
print(t.celsius, Temp.unit(), t.unit(), type(t).__name__)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
class Sub(Temp): pass
print(type(Sub.make(3)).__name__, Sub.make(3).celsius)
class Ro:
    @property
    def x(self): return 1
try:
    Ro().x = 2
except AttributeError:
    print("AttributeError")
