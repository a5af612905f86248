# property with getter, setter, deleter; decorator and call forms
class Temp:
    def __init__(self):
        self._c = 0.0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = 0.0
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
del t.celsius
print(t.celsius)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print(type(e).__name__)

class Old:
    def __init__(self):
        self._x = 1
    def getx(self):
        return self._x
    def setx(self, v):
        self._x = v * 2
    def delx(self):
        del self._x
    x = property(getx, setx, delx)
o = Old()
o.x = 5
print(o.x)
del o.x
print(hasattr(o, "_x"))

class RO:
    @property
    def val(self):
        return 42
r = RO()
print(r.val)
try:
    del r.val
except AttributeError as e:
    print(type(e).__name__)
print(type(RO.val).__name__)

class Lazy:
    def __init__(self):
        self.computed = 0
    @property
    def data(self):
        self.computed += 1
        return [1, 2, 3]
lz = Lazy()
lz.data; lz.data
print(lz.computed)

class Base:
    @property
    def name(self):
        return "base"
class Derived(Base):
    @property
    def name(self):
        return "derived+" + super().name
print(Derived().name)
