# floor division and modulo with negative operands (ints and floats)
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3), (1, 5), (-1, 5), (6, 3), (-6, 3)]
for a, b in pairs:
    q, r = a // b, a % b
    print(a, b, q, r, divmod(a, b), q * b + r == a)
fpairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2.0), (1.0, 0.3), (-1.0, 0.3)]
for a, b in fpairs:
    print(a, b, a // b, a % b, divmod(a, b))
print(-0.0 // 1, 0.0 % -1, -3 % 3, 3 % -3)
print(7 // 2.0, -7 // 2.0, 7 % 2.5, -7 % 2.5)
print(round(-7 / 2), int(-7 / 2), -7 // 2, -(7 // 2))
print((-10) ** 2, -10 ** 2, 2 ** -1, (-2) ** -2, (-8) ** 3)
print(10 / 4, -10 / 4, 10 / -4, 9 / 3, type(9 / 3).__name__)
for bad in [lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 // 0, lambda: 1 % 0.0, lambda: divmod(1, 0), lambda: 1 / 0]:
    try:
        bad()
    except ZeroDivisionError as e:
        print(type(e).__name__)
print(-(2 ** 70) // 3, -(2 ** 70) % 3, (2 ** 70) // -3, (2 ** 70) % -3)
print(True // 2, -True // 2, False % 3)
