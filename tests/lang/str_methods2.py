print("Hello World".title(), "hello world".istitle(), "Hello World".istitle())
print("abc".removeprefix("a"), "abc".removesuffix("c"), "abc".casefold())
print("a1".isidentifier(), "1a".isidentifier(), "_x".isidentifier(), "x y".isidentifier())
print("  a b  ".split(), "a b c".rsplit(" ", 1), "a,b,c".rsplit(","), "".split(), "".split(","))
print("abcabc".rfind("b"), "abcabc".rindex("c"), "abc".find("c", 1, 2), "abcabc".count("bc", 2))
print("x".center(4), "ab".center(5, "-"), "tEsT".swapcase())
print("a\nb\n".splitlines(True), "\n".join(["x", "y"]))
t = str.maketrans("ab", "xy")
print("aabbcc".translate(t), "Hello".encode(), str(b"abc", "utf-8"), str(123), str([1, "a"]))
try:
    "abc".index("z")
except ValueError as e:
    print("ValueError", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError", e)
