# Sorting with and without keys.
data = [(i * 7919) % 100003 for i in range(200000)]
a = sorted(data)
b = sorted(data, key=lambda v: -v)
words = [str(x) for x in data[:50000]]
words.sort()
print(a[100], b[100], words[100])
