# range objects
r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[2], r[1:3], r[::-1], list(r[::2]))
print(r.start, r.stop, r.step, 5 in r, 6 in r, r.index(8), r.count(11), r.count(12))
print(list(range(5)), list(range(5, 0, -1)), list(range(0, -10, -3)), list(range(3, 3)), list(range(5, 1)))
print(len(range(0)), len(range(10, 0, -2)), len(range(-5, 5)), len(range(0, 100, 7)))
print(range(0, 10, 2) == range(0, 9, 2), range(0) == range(5, 5), range(3) == range(3))
print(bool(range(0)), bool(range(1)), list(reversed(range(4))), sum(range(101)))
print(range(10)[-3:], range(10)[100:], range(10)[::3], range(10)[5:2:-1])
try:
    range(0, 10, 0)
except ValueError as e:
    print(type(e).__name__)
try:
    range(3)[5]
except IndexError as e:
    print(type(e).__name__)
try:
    range(3).index(7)
except ValueError as e:
    print(type(e).__name__)
big = range(0, 10 ** 12, 7)
print(len(big), big[-1], 7 * 12345 in big, 7 * 12345 + 1 in big)
print(list(zip(range(3), range(10, 13))), [i * j for i in range(1, 3) for j in range(i)])
print(min(range(5, 10)), max(range(5, 10)), sorted(range(3), reverse=True))
it = iter(range(3))
print(next(it), next(it), list(it))
print(range(-3, 3)[0], range(-3, 3)[-1], list(range(-3, 3, 2)))
print(hash(range(3)) == hash(range(3)), type(range(1)).__name__)
