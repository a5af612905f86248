s = "Hello"
print(s * 2, s[1:-1], s[-3:], s[:0], s[10:], s[::1], s[4:1:-1])
print(list(s), tuple(s), set(s) == set("Hello"), "".join(sorted(s)))
print(s.lower().count("l"), s.find("l"), s.rfind("l"), s.replace("l", ""), s.center(9, "."))
print("%s has %d chars" % (s, len(s)), s.startswith(("He", "x")), s.encode("ascii"))
print(str(3.0), str(-2), str(True), str(None), str("s"), str(b"b"), str([None]))
print("a b c".split(" ", -1), "abc".split("abc"), ":".join(["", ""]))
print(" \t\n x \n".strip(), "xyx".strip("y"), "<<a>>".strip("<>"), "a".zfill(3))
print("Ünïcödé".lower(), "straße".upper(), "ǅ".lower() if False else "skip", "İ".lower() == "i̇")
