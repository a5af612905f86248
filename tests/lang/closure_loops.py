funcs = []
for i in range(3):
    def f(i=i):
        return i * 10
    funcs.append(f)
print([f() for f in funcs])
def make_multipliers():
    return [lambda x, n=n: x * n for n in range(1, 4)]
print([m(10) for m in make_multipliers()])
def counter_factory():
    counts = {}
    def count(word):
        counts[word] = counts.get(word, 0) + 1
        return counts[word]
    return count
c = counter_factory()
c("a"); c("b"); print(c("a"))
def accumulate():
    total = 0
    def add(x):
        nonlocal total
        total += x
        return total
    return add
acc = accumulate()
print([acc(i) for i in range(5)])
