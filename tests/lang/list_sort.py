import_ok = True
data = [(3, 'c'), (1, 'a'), (2, 'b'), (1, 'z'), (3, 'a')]
print(sorted(data))
print(sorted(data, key=lambda t: t[0]))
print(sorted(data, key=lambda t: t[1], reverse=True))
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words, key=len))
nums = [((i * 7919) % 101) for i in range(50)]
nums.sort()
print(nums)
print(sorted([3.5, 1, 2.25, -1]), min(nums), max(nums), sorted([], reverse=True))
