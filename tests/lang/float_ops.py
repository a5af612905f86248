print(1.5 + 2.25, 3.0 - 0.5, 2.5 * 4, 7.0 / 2, 7.0 // 2, 7.5 % 2, -7.5 % 2, 2.0 ** 0.5)
print(0.1 + 0.2, 1 / 3, 2 / 3, 10 / 3)
print(1e16, 1e15, 1.5e-5, 0.0001, 0.00001, 123456789.0, 1e100, 1.0, -0.0, 100.0)
print(float('inf'), float('-inf'), float('nan'), float(' 2.5 '), float('1e3'), float(7))
print(3.14159.is_integer(), 2.0.is_integer(), (0.5).as_integer_ratio())
print(int(2.999), round(2.675, 2), round(0.5), round(1.5), round(2.5), round(3.14159, 3))
print(1.0 == 1, 1.5 > 1, 2 < 2.5, hash(1.0) == hash(1), 0.1 * 3 == 0.3)
print(divmod(7.5, 2), divmod(-7.5, 2))
print(repr(0.1), repr(1/7), str(2.0 ** 60), 1e22, 1e21, 12345678901234567.0)
print(abs(-2.5), -2.5 .__abs__() if hasattr(2.5, '__abs__') else 2.5)
x = 0.0
for i in range(10):
    x += 0.1
print(x)
print(max(1.5, 2), min(-1, -1.5), sum([0.1] * 10))
