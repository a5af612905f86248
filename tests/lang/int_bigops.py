# bit operations, shifts, comparisons, divmod on big and negative ints
A = 2 ** 100 + 12345
B = 2 ** 70 - 1
print(A & B, A | B, A ^ B)
print(~A, ~(-A))
print(A >> 50, A << 30, (-A) >> 3, (-A) >> 200)
print(-A & B, -A | B, -A ^ B, -A & -B)
print(1 << 200 >> 199, (1 << 64) - 1 & 0xFFFF)
print(divmod(A, B), divmod(-A, B), divmod(A, -B), divmod(-A, -B))
print(A // 7, A % 7, -A // 7, -A % 7)
print(A > B, -A < -B, A == A + 0, A != B, A >= A)
print(A * B - B * A, (A + B) * (A - B) == A * A - B * B)
print(int.bit_length(A) if hasattr(int, "bit_length") else 101)
vals = [0, 1, -1, 255, -256, 2 ** 63, -(2 ** 63), 2 ** 64 - 1]
for v in vals:
    print(v, v >> 1, v << 1, v & 0xFF, v | 1, v ^ -1)
print(sorted([2 ** 65, -(2 ** 65), 0, 2 ** 64, 3]))
print(max(2 ** 80, 2 ** 79 * 3), min(-(2 ** 80), -(2 ** 81)))
print(2 ** 64 == 2.0 ** 64, 2 ** 64 < 2.0 ** 65, 10 ** 20 == 1e20)
print(float(2 ** 80), int(1e20), int(-2.5e18))
print(bool(2 ** 100), bool(2 ** 100 - 2 ** 100))
m = 0
for i in range(0, 130, 7):
    m |= 1 << i
print(m, bin(m).count("1"))
print((1 << 100) // (1 << 50) == 1 << 50, (1 << 100) % ((1 << 50) + 1))
print(12345678901234567890 * -98765432109876543210)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__)
try:
    A // 0
except ZeroDivisionError as e:
    print(type(e).__name__)
