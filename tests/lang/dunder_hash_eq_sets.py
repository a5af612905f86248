# __hash__ and __eq__ used by dicts and sets
class Key:
    def __init__(self, name):
        self.name = name
    def __eq__(self, o):
        return isinstance(o, Key) and self.name.lower() == o.name.lower()
    def __hash__(self):
        return hash(self.name.lower())
    def __repr__(self):
        return "Key(%r)" % self.name

d = {Key("Abc"): 1}
d[Key("ABC")] = 2
print(len(d), d[Key("abc")], list(d))
s = {Key("x"), Key("X"), Key("y")}
print(len(s), Key("Y") in s)

class Unhashable:
    def __eq__(self, o):
        return True
try:
    {Unhashable(): 1}
except TypeError as e:
    print(type(e).__name__)
try:
    hash(Unhashable())
except TypeError as e:
    print(type(e).__name__)

class Identity:
    pass
a, b = Identity(), Identity()
print(len({a, b, a}), hash(a) == hash(a))

class CollideHash:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 7
    def __eq__(self, o):
        return self.v == o.v
    def __repr__(self):
        return "CH%d" % self.v
cs = {CollideHash(i % 5) for i in range(20)}
print(sorted(cs, key=lambda c: c.v))
dd = {}
for i in range(10):
    dd[CollideHash(i)] = i
del dd[CollideHash(3)]
print(len(dd), dd.get(CollideHash(4)), dd.get(CollideHash(3), "gone"))

print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(False) == hash(0.0))
print({1: "int", 1.0: "float", True: "bool"})
print({0, 0.0, False}, len({1, 1.0, True}))
print(hash((1, 2)) == hash((1, 2)), hash("abc") == hash("ab" + "c"))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
for bad in ([], {}, set(), bytearray()):
    try:
        hash(bad)
    except TypeError as e:
        print(type(bad).__name__, type(e).__name__)

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
visited = set()
for p in [(0, 0), (1, 0), (0, 0), (1, 0), (2, 2)]:
    visited.add(Point(*p))
print(len(visited), Point(2, 2) in visited)
print(sorted((p.x, p.y) for p in visited))
