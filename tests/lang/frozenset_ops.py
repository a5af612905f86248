# frozenset: immutable, hashable, mixes with set
f = frozenset([3, 1, 2, 1])
print(sorted(f), len(f), 2 in f, type(f).__name__)
print(sorted(f | {9}), sorted(f & {1, 9}), sorted(f - {1}), sorted(f ^ {1, 7}))
print(type(f | {9}).__name__, type(frozenset() | set()).__name__)
print(f == {1, 2, 3}, {1, 2, 3} == f, f < frozenset([1, 2, 3, 4]), f.issubset(range(5)))
d = {f: "frozen key", frozenset(): "empty"}
print(d[frozenset([1, 2, 3])], d[frozenset()])
s = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(s))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
try:
    f.add(4)
except AttributeError as e:
    print(type(e).__name__)
print(sorted(f.union([5])), sorted(f.intersection([2, 3, 4])), sorted(f.difference([2])), f.isdisjoint([8]))
print(frozenset(), frozenset("aa") == frozenset("a"), sorted(frozenset("cba")))
c = f.copy()
print(c == f, sorted(c))
nested = frozenset([frozenset([1, 2]), frozenset([3])])
print(sorted(sorted(x) for x in nested))
fs_of_pairs = frozenset((i, i * i) for i in range(4))
print(sorted(fs_of_pairs))
graph_edges = {frozenset(("a", "b")), frozenset(("b", "a")), frozenset(("b", "c"))}
print(len(graph_edges), sorted(sorted(e) for e in graph_edges))
