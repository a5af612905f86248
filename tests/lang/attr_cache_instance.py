# Inline attribute caches: instance dicts with differing key orders,
# deleted keys, replaced __dict__, polymorphic sites, __getattr__ and
# __setattr__ added after the sites learned their attributes.

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Q:
    def __init__(self, x, y):
        self.y = y      # other key order
        self.x = x

def getx(o):
    return o.x

def setx(o, v):
    o.x = v

objs = [P(1, 2), Q(3, 4), P(5, 6), Q(7, 8)]
print([getx(o) for o in objs])
for o in objs:
    setx(o, getx(o) * 10)
print([(o.x, o.y) for o in objs])

# key order differing between instances of one class
p1 = P(1, 2)
p2 = P(3, 4)
del p2.x
p2.z = 0
p2.x = 30          # x now at another entry index
print(getx(p1), getx(p2), getx(p1), getx(p2))
setx(p1, 11); setx(p2, 33); setx(p1, 12)
print(p1.x, p2.x, p2.z, sorted(vars(p2)))

# deleted keys and the attribute coming back
p = P(1, 2)
r = [getx(p), getx(p)]
del p.x
try:
    getx(p)
except AttributeError as e:
    r.append(str(e))
try:
    setx(p, 5) or r.append(getx(p))
except AttributeError as e:
    r.append(str(e))
print(r)

# __dict__ replaced wholesale
p = P(1, 2)
getx(p); getx(p)
p.__dict__ = {"x": "new dict"}
print(getx(p))
setx(p, "set")
print(p.__dict__)

# __getattr__ added to the class later: only consulted on misses
class G:
    pass
g = G()
g.x = 1
def gety(o):
    try:
        return o.y
    except AttributeError:
        return "missing"
print(getx(g), gety(g), gety(g))
G.__getattr__ = lambda self, name: "getattr:" + name
print(getx(g), gety(g), gety(g))
del G.__getattr__
print(gety(g))

# __setattr__ added later
class S:
    pass
s = S()
setx(s, 1); setx(s, 2)
def sa(self, name, value):
    object.__setattr__(self, name, ("wrapped", value))
S.__setattr__ = sa
setx(s, 3)
print(s.x)
del S.__setattr__
setx(s, 4)
print(s.x)

# data descriptor class defined later on a base
class Desc:
    def __get__(self, obj, typ):
        return "desc get"
    def __set__(self, obj, value):
        obj.__dict__["log"] = value
class Base:
    pass
class D(Base):
    pass
d = D()
setx(d, 1)
print(getx(d), getx(d))
Base.x = Desc()
print(getx(d))
setx(d, "via set")
print(d.__dict__)
# the descriptor class gains __set__ only later
class ND:
    def __get__(self, obj, typ):
        return "nd get"
class E:
    x = ND()
e = E()
e.__dict__["x"] = "inst"
print(getx(e), getx(e))
ND.__set__ = lambda self, obj, v: None
print(getx(e))

# polymorphic method call site with several types
class C1:
    def area(self):
        return 1
class C2:
    def area(self):
        return 2
class C3(C1):
    pass
class C4:
    area = staticmethod(lambda: 4)
class C5:
    def __init__(self):
        self.area = lambda: 5
shapes = [C1(), C2(), C3(), C4(), C5()] * 3
print([sh.area() for sh in shapes])
C1.area = lambda self: 10
print([sh.area() for sh in shapes])

# slots-like builtin subclass instances
class L(list):
    def total(self):
        return sum(self)
l = L([1, 2, 3])
print([l.total() for _ in range(3)], l.__len__(), [l.count(2) for _ in range(2)])
l.tag = "t"
print(l.tag, l.tag)
class I(int):
    def dbl(self):
        return self * 2
i = I(21)
print([i.dbl() for _ in range(3)], [i.bit_length() for _ in range(2)])
