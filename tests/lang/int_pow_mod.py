print(pow(2, 100, 1000), pow(7, 3, 13), pow(3, 0, 5), pow(5, 3, -7), pow(-5, 3, 7), pow(2, -1, 7), pow(38, -1, 97))
print(2 ** 200 % 13, (2 ** 127 - 1) % 1000000007, pow(12345678901234567890, 98765, 10 ** 9 + 7))
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError")
print(0 ** 5, 1 ** 1000, (-1) ** 1001, 2 ** -3, (-2) ** -2, 10 ** 0.5)
