# Big integers: factorials, powers, digit sums.
f = 1
for i in range(1, 1001):
    f *= i
s = str(f)
p = pow(3, 6000)
q = p // (7 ** 1000)
f = f * f * f
for r in range(30):
    g = (f * (f + r)) // (f - r - 1)
print(len(s), sum(int(c) for c in s[:1000]), q % 1000000007, (p * p).bit_length())
