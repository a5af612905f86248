# chained comparisons: short-circuit, single evaluation, mixed operators
def v(x, log):
    log.append(x)
    return x

log = []
print(v(1, log) < v(2, log) < v(3, log), log)
log = []
print(v(1, log) < v(0, log) < v(3, log), log)
log = []
print(v(5, log) == v(5, log) != v(6, log), log)
x = 5
print(1 < x < 10, 1 < x > 4, 10 > x >= 5, x == 5 == 5.0)
print(0 <= x <= 4, x < 10 < 100 < 1000, 3 < x < 4)
print(1 < 2 > 1 < 2, 1 == 1 == 1, 1 == 1 == 2)
print("a" < "b" < "c", [1] < [2] <= [2], (1, 2) < (1, 3) < (2,))
print(1 in [1, 2] in [[1, 2]], None is None is not False)
print(2 not in [1] not in [[1]])
class Loud:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print("compare", self.v, o.v)
        return self.v < o.v
a, b, c = Loud(1), Loud(2), Loud(0)
print(a < b < c)
print(c < a < b)
r = 1 < 2 < 3
print(type(r).__name__, r)
class Weird:
    def __lt__(self, o): return "truthy string"
print(Weird() < 1, Weird() < 1 < 2)
def mid(lo, val, hi):
    return lo <= val <= hi
print([mid(0, i, 2) for i in range(-1, 4)])
print(-1 < 0 == False, 0.5 < 1 < 1.5, 1 < 1.0 + 1e-9)
