# random: reproducible seeding, ranges and rough distributions (the generator differs from CPython).
import random
random.seed(42); a = [random.random() for _ in range(5)]
random.seed(42); b = [random.random() for _ in range(5)]
print(a == b, all(0 <= x < 1 for x in a))
random.seed(1); x = random.getrandbits(16); random.seed(1); print(random.getrandbits(16) == x)
for k in (1, 8, 32, 64, 100):
    assert all(0 <= random.getrandbits(k) < 2**k for _ in range(100))
print(random.getrandbits(0))
print(sorted(set(random.randrange(5) for _ in range(500))))
print(sorted(set(random.randrange(2, 6) for _ in range(500))))
print(sorted(set(random.randrange(1, 10, 2) for _ in range(500))))
print(sorted(set(random.randrange(10, 0, -3) for _ in range(500))))
print(sorted(set(random.randint(-2, 2) for _ in range(500))))
print(all(10**30 <= random.randint(10**30, 10**30 + 5) <= 10**30 + 5 for _ in range(100)))
print(sorted(set(random.choice('abc') for _ in range(100))))
print(all(2 <= random.uniform(2, 4) <= 4 for _ in range(100)))
l = list(range(20)); random.shuffle(l); print(sorted(l) == list(range(20)))
s = random.sample(range(100), 10); print(len(s), len(set(s)), all(0 <= v < 100 for v in s))
for f, args in [(random.randrange, (0,)), (random.randrange, (2, 1)), (random.randrange, (1, 5, 0)), (random.randint, (2, 1)), (random.getrandbits, (-1,)), (random.sample, ([1], 2))]:
    try: f(*args); print('no error')
    except ValueError: print('ValueError')
try: random.choice([])
except IndexError as e: print('IndexError', e)
n = 20000; m = sum(random.random() for _ in range(n)) / n; print(0.48 < m < 0.52)
cnt = [0]*6
for _ in range(6000): cnt[random.randint(0, 5)] += 1
print(all(900 < c < 1100 for c in cnt))
random.seed(); random.seed(None); random.seed("abc"); x = random.random(); random.seed("abc"); print(x == random.random())
random.seed(2**100); x = random.random(); random.seed(2**100 + 1); print(x != random.random())
