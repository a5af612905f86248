# sorted, min, max with key/default/reverse, stability
people = [("ann", 31), ("bob", 25), ("cat", 31), ("dan", 19), ("eve", 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(min(people, key=lambda p: p[1]), max(people, key=lambda p: p[1]))
print(min([], default="none"), max([], default=None), min([], key=len, default=0))
print(max("apple", "fig", "banana", key=len), min("apple", "fig", "kiwi", key=len))
print(max([3, 1, 3], key=lambda v: v), max([(1, "a"), (1, "b")], key=lambda t: t[0]))
print(sorted("Hello World"), sorted("Hello World", key=str.lower))
print(sorted([3, 1, 2], reverse=True), sorted((3, 1, 2)), sorted({3: "a", 1: "b"}), sorted({"b", "a"}))
print(sorted([-3, 2, -1, 4], key=abs), sorted([[2, 1], [1, 2], [1]]), sorted([], reverse=True))
print(min(3, 1, 2), max(3, 1, 2), min("bca"), max([1.5, 2, 0.5]), min(-0.0, 0.0))
try:
    min([])
except ValueError as e:
    print(type(e).__name__)
try:
    max(1)
except TypeError as e:
    print(type(e).__name__)
try:
    sorted([1, "a"])
except TypeError as e:
    print(type(e).__name__)
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=lambda w: (len(w), w)))
data = [5, 3, 8, 3, 1, 8]
orig = data[:]
out = sorted(data)
print(out, data == orig)
idx = sorted(range(len(data)), key=lambda i: data[i])
print(idx)
recs = [{"n": "x", "v": 2}, {"n": "y", "v": 1}, {"n": "z", "v": 2}]
print([r["n"] for r in sorted(recs, key=lambda r: r["v"])])
print(sorted([True, False, True]), max([False, True]), sorted([0.1, -1, 2 ** 70, 3]))
print(sorted(range(10), key=lambda v: v % 3))
print(max(range(10), key=lambda v: (v % 4, -v)))
