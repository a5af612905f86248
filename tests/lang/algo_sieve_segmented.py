# segmented sieve of Eratosthenes and prime utilities
def simple_sieve(n):
    flags = bytearray(b"\x01" * (n + 1))
    flags[0] = flags[1] = 0
    i = 2
    while i * i <= n:
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = 0
        i += 1
    return [i for i in range(n + 1) if flags[i]]

def segmented(lo, hi):
    base = simple_sieve(int(hi ** 0.5) + 1)
    mark = [True] * (hi - lo + 1)
    for p in base:
        start = max(p * p, (lo + p - 1) // p * p)
        for m in range(start, hi + 1, p):
            mark[m - lo] = False
    return [lo + i for i, ok in enumerate(mark) if ok and lo + i > 1]

print(simple_sieve(60))
print(segmented(1000, 1100))
print(len(simple_sieve(10000)), simple_sieve(10000)[-3:])
print(segmented(10 ** 6, 10 ** 6 + 100))

def factorize(n):
    out = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        out.append(n)
    return out
for n in [2, 12, 97, 360, 1001, 2 ** 10 * 3 ** 5, 600851475143]:
    print(n, factorize(n))

def twin_primes(limit):
    ps = simple_sieve(limit)
    return [(a, b) for a, b in zip(ps, ps[1:]) if b - a == 2]
print(twin_primes(200))
goldbach = {}
ps = set(simple_sieve(100))
for even in range(4, 51, 2):
    for p in sorted(ps):
        if even - p in ps:
            goldbach[even] = (p, even - p)
            break
print(goldbach)
