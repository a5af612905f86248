print(1 + 2, 7 - 10, 6 * 7, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 % -3, 2 ** 10)
print(7 / 2, -7 / 2, 1 / 3)
a = 12345
b = -678
print(a * b, a // b, a % b, divmod(a, b), divmod(-a, b))
print(abs(-5), -(-5), +5, ~5, ~-1)
print(5 & 3, 5 | 3, 5 ^ 3, 1 << 10, 1024 >> 3, -16 >> 2)
x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 3; x %= 7
print(x)
print(0 == 0, 1 < 2 < 3, 3 > 2 > 2, 1 <= 1, 2 >= 3, 1 != 1)
print(int(True) + True, True * 3, False - 1)
print(int("42"), int("-17"), int("  12  "), int("ff", 16), int("0x1f", 0), int("101", 2), int("z", 36))
print(int(3.9), int(-3.9), int(1e10))
