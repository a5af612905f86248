# iteration builtins: enumerate, zip, map, filter, reversed, iter(callable, sentinel), next(default)
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate([], 5)), list(enumerate("xy", start=-1)))
print(list(zip()), list(zip([1, 2, 3], "ab")), list(zip(range(3), range(3, 6), range(6, 9))))
pairs = [(1, "a"), (2, "b"), (3, "c")]
nums, letters = zip(*pairs)
print(nums, letters)
print(list(map(str, range(4))), list(map(pow, [2, 3], [3, 2])), list(map(lambda *a: sum(a), [1, 2], [10, 20], [100, 200])))
print(list(filter(None, [0, 1, "", "x", [], [0], None])), list(filter(str.isdigit, "a1b2c3")))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))))
class Rev:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 11
print(list(reversed(Rev())))
class CustomRev:
    def __reversed__(self):
        return iter("custom")
print("".join(reversed(CustomRev())))
data = [5, 4, 3, 0, 9]
it = iter(data)
print(list(iter(lambda: next(it), 0)))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 4)))
it = iter([1])
print(next(it), next(it, "default"), next(it, None))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration")
m = map(lambda x: x * 2, [1, 2, 3])
print(next(m), list(m), list(m))
z = zip("ab", "cd")
print(next(z), list(z))
e = enumerate("xyz")
print(next(e), next(e), list(e))
f = filter(lambda v: v > 1, [1, 2, 3])
print(type(f).__name__, type(m).__name__, type(z).__name__, type(e).__name__)
print(list(f))
print(dict(enumerate("ab")), dict(zip("ab", [1, 2])), sorted(map(abs, [-3, 1, -2])))
print(all([]), any([]), all([1, "x"]), any([0, ""]), all(x < 5 for x in range(5)), any(x > 3 for x in range(5)))
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__)
try:
    next([1, 2])
except TypeError as e:
    print(type(e).__name__)
print(list(zip(*[[1, 2, 3], [4, 5, 6]])), [list(r) for r in zip(*[[1, 2], [3, 4], [5, 6]])])
