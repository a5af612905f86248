# generator expressions: laziness, single use, scoping, as arguments
calls = []
def f(x):
    calls.append(x)
    return x * 2
g = (f(x) for x in range(5))
print(calls)
print(next(g), calls)
print(list(g), calls)
print(list(g))

print(sum(x * x for x in range(10)))
print(max(len(w) for w in "the quick brown fox".split()))
print(sorted((c for c in "banana"), reverse=True))
print(tuple(i for i in range(3)), set(i % 2 for i in range(5)))
print(dict((k, len(k)) for k in ["a", "bb"]))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, -1]))
print("".join(ch.upper() for ch in "abc" if ch != "b"))

nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))

x = "outer"
ge = (x for x in range(2))
print(list(ge), x)

def first_iter_evaluated_eagerly():
    try:
        g = (y for y in undefined_name)
    except NameError:
        return "NameError at creation"
    return "lazy"
print(first_iter_evaluated_eagerly())

def inner_lazy():
    g = (undefined_thing for y in range(1))
    try:
        next(g)
    except NameError:
        return "NameError on next"
print(inner_lazy())

print(type(x for x in []).__name__)
gen = (i for i in range(3))
print(iter(gen) is gen)
total = 0
for v in (i * 10 for i in range(4) if i % 2):
    total += v
print(total)
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(sum(row) for row in matrix), list(sum(col) for col in zip(*matrix)))
