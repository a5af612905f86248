# Regressions found by a differential sweep against CPython: struct's native
# 'f' packs an overflowing float as inf (standard orders raise), deque
# repetition, and math's pole/overflow error classes.
import struct
import math
from collections import deque


def t(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__)


t(struct.pack, "f", 1e40)
t(struct.pack, "@f", -1e40)
t(struct.pack, "<f", 1e40)
t(struct.pack, ">f", 1e40)
t(struct.pack, "f", float("inf"))

d = deque([1, 2, 3])
print(d * 2, d * 0, d * -1, d)
d2 = deque([1, 2], 3)
print(d2 * 3)
d *= 2
print(d)
d *= 0
print(d, len(d))

for name, x in [("log10", 0), ("log2", 0), ("log1p", -1), ("atanh", 1), ("atanh", -1), ("log", 0)]:
    t(getattr(math, name), x)
t(math.pow, 1e308, 10)
t(math.pow, 10, 400)
t(math.pow, float("inf"), 2)
t(math.ldexp, 1e308, 10)
t(math.ldexp, 1.0, 10**6)
t(math.ldexp, 1.0, -10**6)
t(math.ldexp, float("inf"), 1)
t(math.exp, 1000)
