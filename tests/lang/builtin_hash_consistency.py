# hash consistency rules (only comparisons of hashes are printed)
print(hash(1) == hash(1.0), hash(0) == hash(0.0) == hash(-0.0), hash(True) == hash(1), hash(False) == hash(0))
print(hash(2 ** 70) == hash(float(2 ** 70)), hash(-1) == hash(-1.0), hash(0.5) == hash(0.5))
print(hash(1 + 0j) == hash(1), hash("abc") == hash("abc"), hash(b"abc") == hash(b"abc"))
print(hash((1, "a", 2.0)) == hash((1.0, "a", 2)), hash(()) == hash(()))
print(hash(frozenset({1, 2, 3})) == hash(frozenset([3, 2, 1])))
print(hash(None) == hash(None), hash(range(3)) == hash(range(0, 3)))
print(type(hash("x")).__name__, type(hash(3.5)).__name__, hash(42) == 42)
def f():
    pass
print(hash(f) == hash(f), hash(len) == hash(len))
class C:
    pass
c = C()
print(hash(c) == hash(c))
d = {1: "a"}
d[1.0] = "b"
d[True] = "c"
print(d, len(d))
s = {1, 1.0, True, 2, 2.0}
print(sorted(s), len(s))
keys = [0, 0.0, False, -0.0]
print(len(set(keys)), len(dict.fromkeys(keys)))
print({(1, 2): "t"}[(1.0, 2.0)], {frozenset([1]): "f"}[frozenset([1.0])])
big_keys = {2 ** 64: "big", 2 ** 64 + 1: "big+1"}
print(big_keys[2 ** 64], big_keys[2 ** 64 + 1], big_keys.get(float(2 ** 64)))
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v)
    def __eq__(self, o): return self.v == o
print(K(1) == 1, hash(K(5)) == hash(5))
for unh in ([], {}, set()):
    try:
        hash(unh)
        print("hashable?")
    except TypeError:
        print(type(unh).__name__, "unhashable")
