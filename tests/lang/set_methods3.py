# set methods exhaustively
s = {3, 1, 2}
s.add(4)
s.add(1)
print(sorted(s), len(s))
s.remove(4)
s.discard(4)
s.discard(100)
print(sorted(s))
try:
    s.remove(100)
except KeyError as e:
    print(type(e).__name__)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b, {4})), sorted(a.difference(b, {1})), sorted(a.symmetric_difference(b)))
print(a.issubset({1, 2, 3, 4, 5}), a.issuperset({1}), a.isdisjoint({7}), a.isdisjoint(b))
print({1} < {1, 2}, {1, 2} <= {1, 2}, {1, 2} > {1}, {1} >= {2}, {1, 2} == {2, 1})
c = a.copy()
c.update([10], {11})
print(sorted(c), sorted(a))
c.intersection_update({1, 10, 11, 99})
print(sorted(c))
c.difference_update({10})
print(sorted(c))
c.symmetric_difference_update({1, 2})
print(sorted(c))
x = {1, 2, 3}
x |= {4}
x &= {2, 3, 4}
x -= {3}
x ^= {9, 2}
print(sorted(x))
p = {5}
print(p.pop(), p, len(p))
try:
    p.pop()
except KeyError as e:
    print(type(e).__name__)
c.clear()
print(c, set(), set("aab") == {"a", "b"}, sorted(set([3, 3, 1])))
print(len({(1, 2), (1, 2), (2, 1)}), {1.0, 1} == {1}, 2 in {1, 2})
try:
    {[1]}
except TypeError as e:
    print(type(e).__name__)
try:
    {1} + {2}
except TypeError as e:
    print(type(e).__name__)
seen = set()
dups = []
for v in [1, 3, 1, 4, 3, 5]:
    if v in seen:
        dups.append(v)
    seen.add(v)
print(dups, sorted(seen))
print(sorted({w.lower() for w in "A a B b c".split()}))
print(sorted({1, 2} | frozenset([3])), type({1} | frozenset([3])).__name__)
