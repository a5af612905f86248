# computing digits of pi and e with integer arithmetic (bigint stress)
def pi_digits(n):
    # Machin: pi/4 = 4*atan(1/5) - atan(1/239), fixed point with guard digits
    guard = 10
    scale = 10 ** (n + guard)
    def atan_inv(x):
        total = term = scale // x
        x2 = x * x
        k = 1
        sign = -1
        while term:
            term //= x2
            total += sign * (term // (2 * k + 1))
            sign = -sign
            k += 1
        return total
    pi = 4 * (4 * atan_inv(5) - atan_inv(239))
    return str(pi // 10 ** guard)

def e_digits(n):
    guard = 10
    scale = 10 ** (n + guard)
    total = 0
    term = scale
    k = 0
    while term:
        total += term
        k += 1
        term //= k
    return str(total // 10 ** guard)

p = pi_digits(300)
print(p[0] + "." + p[1:61])
print(p[-20:], len(p))
e = e_digits(200)
print(e[0] + "." + e[1:61])
print(e[-10:], len(e))
counts = [p.count(str(d)) for d in range(10)]
print(counts, sum(counts))
def sqrt2_digits(n):
    x = 2 * 10 ** (2 * n)
    lo, hi = 0, x
    r = int(1.4142135623730951 * 10 ** min(n, 15)) * 10 ** max(0, n - 15)
    while True:
        nr = (r + x // r) // 2
        if abs(nr - r) <= 1:
            while nr * nr > x:
                nr -= 1
            return str(nr)
        r = nr
s2 = sqrt2_digits(100)
print(s2[0] + "." + s2[1:51], len(s2))
print(str(2 ** 1000)[:30], sum(map(int, str(2 ** 1000))))
