print(sorted([3, 1, 2], key=lambda x: -x), sorted("hello"), sorted({3: 1, 1: 2}), sorted([(1, 2), (1, 1)]))
print(list(zip()), list(zip([1], [])), list(zip("ab", "cd", "ef")), dict(zip("ab", [1, 2])))
print(list(enumerate([])), list(enumerate("x", 10)), next(enumerate("ab")))
print(list(map(abs, [-1, -2])), list(map(pow, [2, 3], [3, 2])), list(filter(str.isdigit, "a1b2")))
print(sum([]), sum([1.5, 2.5]), sum([[1], [2]], []), sum(range(5), 100), max([1, 3, 2]), min("zay"))
print(max([], default="empty"), max(["aa", "b"], key=len), min([3, 1], key=lambda v: v), max(1, 2, 3, key=lambda v: -v))
print(abs(-3.5), abs(True), round(-1.5), round(2.5001), divmod(9, 4), pow(3, 4, 5))
print(all(x > 0 for x in [1, 2]), any([]), any(x for x in [0, "", None]), chr(8364), ord("€"))
print(hex(0), oct(-8), bin(0), hex(2 ** 40), int(hex(12345), 16))
print(list(reversed(range(3))), list(reversed((1, 2))), list(reversed({"a": 1, "b": 2})) if hasattr(dict, "__reversed__") else ["b", "a"])
try:
    max([])
except ValueError as e:
    print("ValueError", e)
try:
    next(iter([]))
except StopIteration:
    print("StopIteration")
try:
    chr(-1)
except ValueError:
    print("ValueError chr")
print(callable(len), callable("s"), hash("abc") == hash("abc"), id([]) != 0)
