s = {3, 1, 2}
s.add(4); s.add(1)
print(sorted(s), len(s), 2 in s, 9 in s)
s.discard(9); s.remove(4)
print(sorted(s))
a = {1, 2, 3}; b = {2, 3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a <= {1, 2, 3, 4}, a < a, a >= {1}, a.isdisjoint({9}), a.issubset(b), a.issuperset({1}))
print(sorted(a.union([7])), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
fs = frozenset([1, 2])
print(sorted(fs), fs == frozenset({1, 2}), {fs: 1}[frozenset([2, 1])], hash(fs) == hash(frozenset([1, 2])))
print(set(), set("aab") == {"a", "b"}, {1, 2} == {2, 1}, len(set(range(100))))
c = set(); c |= {1}; c &= {1, 2}; c -= {5}; c ^= {6}; print(sorted(c))
try:
    set().pop()
except KeyError:
    print("KeyError")
try:
    {1}.remove(2)
except KeyError as e:
    print("KeyError", e)
print(repr({1}), repr(set()), repr(frozenset()), {x % 3 for x in range(10)})
