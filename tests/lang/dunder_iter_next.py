# __iter__ / __next__ protocol, iterables vs iterators, StopIteration
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

print(list(Countdown(5)))
c = Countdown(3)
print(next(c), next(c), next(c), next(c, "done"))
print(list(c))   # exhausted

class Range2:
    # iterable: each iter() gives a fresh iterator
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
r = Range2(3)
print(list(r), list(r), sum(r), [x * y for x in r for y in r])

class GetItemIter:
    # old-style sequence protocol
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * i
print(list(GetItemIter()), 9 in GetItemIter(), 5 in GetItemIter())
for v in GetItemIter():
    print("v", v)

class Pairs:
    def __init__(self, data):
        self.data = data
    def __iter__(self):
        return iter(self.data.items())
for k, v in Pairs({"a": 1, "b": 2}):
    print(k, v)
print(dict(Pairs({"x": 9})))

it = iter([1, 2, 3])
print(iter(it) is it)
print(next(it), list(it))
try:
    next(it)
except StopIteration:
    print("StopIteration")

class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__)
try:
    iter(42)
except TypeError as e:
    print(type(e).__name__)

a, b, c = Countdown(3)
print(a, b, c)
print(sorted(Countdown(4)), tuple(Countdown(2)), set(Countdown(3)) == {1, 2, 3})
print(max(Countdown(6)), min(Countdown(6)), any(Countdown(0)), all(Countdown(3)))
print(list(zip(Countdown(3), "abc")), list(enumerate(Countdown(2))))
