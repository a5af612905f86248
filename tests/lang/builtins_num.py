# numeric builtins: abs, bin, oct, hex, divmod, pow, round, int/float conversions
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(-(2 ** 70)), abs(True))
print(bin(0), bin(5), bin(-5), bin(2 ** 40), oct(0), oct(8), oct(-64), hex(0), hex(255), hex(-255), hex(2 ** 64))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(-1, 2 ** 70))
print(pow(2, 10), pow(2, -1), pow(2.0, 3), pow(-2, 3), pow(2, 0), pow(0, 0))
print(pow(3, 4, 5), pow(2, 100, 7), pow(-3, 3, 7), pow(5, 0, 1), pow(123456789, 987654321, 1000000007))
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__)
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(-0.5))
print(round(2.675, 2), round(1.25, 1), round(1.35, 1), round(123.456, -1), round(123.456, 0), round(-1.55, 1))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(7, 0), round(7))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(7, 1)).__name__)
print(int(3.9), int(-3.9), int("  12  "), int("-0"), int(True), int(2 ** 70 + 0.0) == 2 ** 70)
print(float(3), float("inf") > 10 ** 300, float(" -0.5 "), float(2 ** 70))
print(int("101", 2), int("777", 8), int("ff", 16), int("0b11", 0), int("0xAb", 0), int("Z", 36), int("10", 3))
for bad in ["", "1.5", "0x", "12a", " "]:
    try:
        int(bad)
    except ValueError as e:
        print(repr(bad), type(e).__name__)
try:
    int("9", 8)
except ValueError as e:
    print(type(e).__name__)
print(max(1, 2.5), min(-1, -1.5), sum([0.5, 0.25]), sum([], 10), sum([[1], [2]], []))
print(7 .bit_length(), (0).bit_length(), (-8).bit_length(), (2 ** 100).bit_length())
import math
print(math.floor(-2.5), math.ceil(-2.5), math.floor(2.5), math.ceil(2.1), math.sqrt(144))
print(math.isclose(0.1 + 0.2, 0.3), math.pi, math.e, math.fabs(-3), math.isnan(float("nan")), math.isinf(float("-inf")))
