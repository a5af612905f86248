print(max(3, 1, 2), min(3, 1, 2), max([1, 2], [1, 3]), min("abc", "abd"), max("hello"))
print(max({1: "a", 5: "b"}), min(range(5, 10)), max((x for x in [4, 9, 2])), min([[2], [1, 5]]))
print(max([1, 2, 3], key=lambda x: (x % 2, x)), min(["aaa", "b", "cc"], key=len), max([], default=None))
try:
    min()
except TypeError:
    print("TypeError")
try:
    max(1, "a")
except TypeError as e:
    print("TypeError", e)
