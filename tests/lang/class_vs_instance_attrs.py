# class attributes versus instance attributes
class Dog:
    kind = "canine"
    tricks = []          # shared by all instances
    def __init__(self, name):
        self.name = name
        self.own = []
    def add_trick(self, t):
        self.tricks.append(t)
        self.own.append(t)

a = Dog("a")
b = Dog("b")
a.add_trick("roll")
b.add_trick("sit")
print(a.tricks, b.tricks, a.own, b.own)
print(a.kind, b.kind, Dog.kind)
a.kind = "wolf"        # shadows on the instance
print(a.kind, b.kind, Dog.kind)
del a.kind
print(a.kind)
Dog.kind = "dog"
print(a.kind, b.kind)
print(hasattr(a, "name"), hasattr(Dog, "name"))
try:
    Dog.name
except AttributeError as e:
    print(type(e).__name__)

class Counter:
    n = 0
    def inc(self):
        self.n += 1      # reads class attr, writes instance attr
c1 = Counter()
c1.inc(); c1.inc()
c2 = Counter()
print(c1.n, c2.n, Counter.n)

class Cfg:
    x = 1
    y = x + 1
    items = [x, y]
print(Cfg.y, Cfg.items)

def method(self):
    return "attached " + self.name
Dog.describe = method
print(a.describe())
a.dynamic = lambda: "instance function, no self"
print(a.dynamic())
class Empty:
    pass
e = Empty()
e.z = 1
setattr(e, "w", 2)
print(e.z + e.w, getattr(e, "missing", "default"))
print(sorted(k for k in vars(e)))
