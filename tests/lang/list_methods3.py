# list methods exhaustively
l = [3, 1, 4]
l.append(1)
l.extend([5, 9])
l.extend(range(2))
l.extend("ab")
print(l)
l.insert(0, "first")
l.insert(-1, "before last")
l.insert(100, "end")
l.insert(-100, "start")
print(l)
print(l.pop(), l.pop(0), l.pop(2), l)
l.remove(1)
print(l, l.index(1), l.index("a"), l.count(1), l.count("zz"))
try:
    l.remove("missing")
except ValueError as e:
    print(type(e).__name__)
try:
    l.index("missing")
except ValueError as e:
    print(type(e).__name__)
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__)
nums = [5, 2, 8, 1, 9, 3]
print(nums.index(8, 1), nums.index(3, -2))
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
nums.reverse()
print(nums)
words = ["bb", "a", "ccc", "dd"]
words.sort(key=len)
print(words)
words.sort(key=lambda w: w[::-1], reverse=True)
print(words)
c = nums.copy()
c.append(100)
print(nums, c, c is nums)
c.clear()
print(c, nums)
print([1, 2] + [3], [0] * 3, [[0]] * 2, 2 * [1, 2], [] * 5)
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9])
print(list(), list("abc"), list((1, 2)), list({"k": 1}), list(range(3)))
print(len([1, [2, 3]]), 3 in [1, 2, 3], [2] in [[2]], sum([1, 2, 3]))
m = [1, 2, 3]
m *= 2
print(m)
try:
    [3, "a"].sort()
except TypeError as e:
    print(type(e).__name__)
try:
    l.pop(100)
except IndexError as e:
    print(type(e).__name__)
print([None, 1].index(None), [0.0].index(0), [1, 2, 1, 2].count(2))
nested = [[3, 2], [1], [2, 2]]
nested.sort()
print(nested, max(nested), min(nested, key=len))
