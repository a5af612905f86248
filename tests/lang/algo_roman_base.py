# roman numerals and base conversion
VALS = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
def to_roman(n):
    out = ""
    for v, s in VALS:
        while n >= v:
            out += s
            n -= v
    return out
def from_roman(s):
    m = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(s):
        v = m[ch]
        if i + 1 < len(s) and m[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total
for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]:
    r = to_roman(n)
    print(n, r, from_roman(r))
print(all(from_roman(to_roman(n)) == n for n in range(1, 4000)))

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
def to_base(n, b):
    if n == 0:
        return "0"
    neg = n < 0
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, b)
        out.append(DIGITS[r])
    return ("-" if neg else "") + "".join(reversed(out))
for n in [0, 5, 255, -255, 1000, 2 ** 64, 123456789]:
    print(n, [to_base(n, b) for b in (2, 3, 8, 16, 36)])
print(all(int(to_base(n, b), b) == n for n in range(-300, 300, 7) for b in range(2, 37)))
print(to_base(255, 16) == hex(255)[2:], to_base(8, 8) == oct(8)[2:], to_base(5, 2) == bin(5)[2:])
def gray(n):
    return n ^ (n >> 1)
print([("000" + to_base(gray(i), 2))[-3:] for i in range(8)])
