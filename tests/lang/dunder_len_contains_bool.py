# __len__, __contains__, __bool__ and truthiness rules
class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __contains__(self, x):
        print("contains?", x)
        return x in self.items

b = Bag(1, 2)
print(len(b), bool(b), 1 in b, 5 in b, 5 not in b)
print(bool(Bag()), "empty" if not Bag() else "full")

class Truth:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool called", self.v)
        return self.v
print(bool(Truth(True)), bool(Truth(False)))
if Truth(True) and Truth(False):
    print("no")
else:
    print("else branch")
print(Truth(False) or "fallback")
print(not Truth(True))
while Truth(False):
    pass

class BoolAndLen:
    def __bool__(self): return False
    def __len__(self): return 10
print(bool(BoolAndLen()), len(BoolAndLen()))

class Plain:
    pass
print(bool(Plain()))

class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__)

class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print(type(e).__name__)

class IterOnly:
    def __iter__(self):
        return iter([3, 4])
print(3 in IterOnly(), 5 in IterOnly())

for v in [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (None,), {}, {0: 0}, set(), None, 0j, 1j, b"", b"\x00", range(0), range(1)]:
    print(repr(v), bool(v))
