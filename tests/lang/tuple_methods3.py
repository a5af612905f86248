# tuples: methods, operators, packing, immutability, hashing
t = (1, 2, 3, 2, 1)
print(t.count(2), t.index(3), t.index(1, 1), len(t), t[1:3], t[::-1])
try:
    t.index(9)
except ValueError as e:
    print(type(e).__name__)
print((1,) + (2, 3), (1, 2) * 2, 2 * ("a",), () * 4)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, "a") == (1, "a"))
print(tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({"x": 1}))
single = 5,
print(single, type(single).__name__, (5), type((5)).__name__)
try:
    t[0] = 9
except TypeError as e:
    print(type(e).__name__)
mut = ([1], 2)
mut[0].append(99)
print(mut)
try:
    mut[0] += [3]
except TypeError as e:
    print(type(e).__name__, mut)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pair"}[(1, 2)])
try:
    hash(([],))
except TypeError as e:
    print(type(e).__name__)
a, b, c = (x * 2 for x in range(3))
print(a, b, c)
def multi():
    return 1, "two", [3]
r = multi()
print(r, type(r).__name__, len(r))
print(sorted(((2, "b"), (1, "z"), (2, "a"))), max((1, 2), (1, 3)), min([(0, 5), (0, 1)]))
print(3 in t, 9 not in t, list(enumerate(("a", "b"))))
print(repr(()), repr((1,)), repr((1, (2, (3,)))), str(("s", 1.5)))
print(sum((1, 2, 3)), any(()), all(()), tuple(reversed((1, 2, 3))))
nested = ((1, 2), (3, 4))
print([x for pair in nested for x in pair], dict(nested))
print(t[-1], t[-5], t[10:], t[:-10])
try:
    t[10]
except IndexError as e:
    print(type(e).__name__)
