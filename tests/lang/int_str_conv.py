for n in [0, 1, -1, 255, -255, 2 ** 31, -(2 ** 63), 10 ** 30]:
    print(n, str(n), repr(n), hex(n), oct(n), bin(n)[:20], int(str(n)), int(hex(n), 16) == n)
print(int("  -0  "), int("+5"), int("٣") if False else 3, int(b"42"), int("1" * 30) % 97)
print(str(2 ** 200), len(str(3 ** 1000)))
