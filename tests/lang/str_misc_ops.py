# str operators, conversions, ord/chr, iteration, immutability
s = "hello"
print(s + " world", s * 3, 3 * "ab", s * 0, s * -1, len(s))
print(s[0], s[-1], s[1:4], list(s), tuple("ab"), sorted("hello"))
print(min(s), max(s), "l" in s, s.count("l"))
print([ord(c) for c in "AZaz09 "], "".join(chr(c) for c in range(65, 71)))
print(chr(0x263A), ord("€"), len("€"), "€".encode(), len("€".encode()))
print(str(123), str(-1.5), str([1, "a"]), str((1,)), str({"k": 1}), str(None))
print(int("42"), int("-17"), int(" 8 "), int("ff", 16), int("0x1f", 16), int("1010", 2), int("z", 36), int("0o17", 0))
print(float("3.5"), float("-2e3"), str(3.0), str(1e-10))
try:
    s[0] = "H"
except TypeError as e:
    print(type(e).__name__)
try:
    int("abc")
except ValueError as e:
    print(type(e).__name__)
try:
    "a" + 1
except TypeError as e:
    print(type(e).__name__)
print("abc" < "abd", "abc" < "ab", "B" < "a", "" < "a", "abc" == "abc", "a" != "b")
print(sorted(["banana", "Apple", "cherry", "apple"]), sorted(["b", "a", "C"], key=str.lower))
acc = ""
for ch in reversed("stressed"):
    acc += ch
print(acc, "racecar"[::-1] == "racecar")
print("a" "b" "c", "x\
y")
print(str.upper("abc"), str.join("-", ["x", "y"]), "abc".__len__())
print(repr("\x00\x1f\x7f"), repr("é"), repr("\u2603"))
print("hello"[10:], "hello"[-10:2], "hello"[::-2])
print(hash("abc") == hash("abc"))
print(" ".join(w.capitalize() for w in "the quick brown fox".split()))
