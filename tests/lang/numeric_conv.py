print(int("0b101", 0), int("0o17", 0), int("-0x1F", 16), int("  +7 "), float("-.5"), float("1_000.5"))
for bad in ["", "1.5", "abc", "0x", "1 2"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    float("x1")
except ValueError as e:
    print("ValueError", e)
print(str(10 ** 20), repr(-0.0), 7 // 2.0, 7 % 2.5, 2 ** -2, (-8) ** (1 / 3) if False else 0)
print(1e308 * 10, -1e308 * 10, 10 ** 20 / 10 ** 18, 3 * 1.1)
try:
    1 % 0
except ZeroDivisionError as e:
    print(e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(e)
try:
    int(float("inf"))
except OverflowError as e:
    print(e)
print(True / 2, 5 // True, abs(-0.0), min(2, 2.0), max(1, True))
