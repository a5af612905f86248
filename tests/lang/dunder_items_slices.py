# __getitem__/__setitem__/__delitem__ with ints, slices, tuples
class Recorder:
    def __getitem__(self, k):
        return ("get", self.describe(k))
    def __setitem__(self, k, v):
        print("set", self.describe(k), v)
    def __delitem__(self, k):
        print("del", self.describe(k))
    def describe(self, k):
        if isinstance(k, slice):
            return "slice(%r, %r, %r)" % (k.start, k.stop, k.step)
        if isinstance(k, tuple):
            return "(" + ", ".join(self.describe(x) for x in k) + ")"
        return repr(k)

r = Recorder()
print(r[0])
print(r[1:2])
print(r[::3])
print(r[:])
print(r[-1:])
print(r[1:2, 3])
print(r["key"])
print(r[..., 1])
r[5] = "five"
r[1:3] = [9]
r[::2] = "x"
del r[0]
del r[2:]
del r[:, ::-1]

class Vec:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Vec(*self.items[i])
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __repr__(self):
        return "Vec%r" % (tuple(self.items),)

v = Vec(1, 2, 3, 4, 5)
print(v[0], v[-1], v[1:4], v[::-1], v[::2])
v[0] = 10
v[1:3] = [20, 30, 35]
print(v, len(v))
del v[::2]
print(v)
try:
    v[100]
except IndexError as e:
    print(type(e).__name__)

s = slice(1, 10, 2)
print(s.start, s.stop, s.step)
print(s.indices(5), slice(None, None, -1).indices(4))
print([0, 1, 2, 3, 4, 5, 6][s], "abcdefghijk"[s])

class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, pos):
        x, y = pos
        return self.cells.get((x, y), ".")
    def __setitem__(self, pos, v):
        self.cells[pos] = v
g = Grid()
g[1, 1] = "#"
g[0, 2] = "@"
for y in range(3):
    print("".join(g[x, y] for x in range(3)))
