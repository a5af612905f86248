class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(5)), sum(Countdown(4)), max(Countdown(3)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, None))
for i, v in enumerate(Countdown(3)):
    print(i, v)
print(list(zip(Countdown(3), "abc")), sorted(Countdown(4)))
d = dict(zip("abc", range(3)))
print(d, list(map(lambda kv: kv[0] * kv[1], d.items())))
class Evens:
    def __iter__(self):
        for i in range(0, 7, 2):
            yield i
print(list(Evens()), 4 in Evens(), 5 in Evens())
