# str padding, stripping, centering, ljust/rjust
s = "core"
print("[" + s.center(10) + "]", "[" + s.center(9, "*") + "]", "[" + s.center(2) + "]")
print("[" + s.ljust(8) + "]", "[" + s.ljust(8, "-") + "]", "[" + s.rjust(8) + "]", "[" + s.rjust(8, "0") + "]")
print(repr("  both  ".strip()), repr("  both  ".lstrip()), repr("  both  ".rstrip()))
print(repr("xxhixx".strip("x")), repr("abcHIcba".strip("abc")), repr("..a..".lstrip(".")), repr("..a..".rstrip(".")))
print(repr("\t\n white \r\n".strip()), repr("".strip()), repr("   ".strip()))
for w in range(0, 8):
    print(w, repr("ab".center(w)), repr("abc".center(w, ".")))
print("|".join(x.rjust(6) for x in ["1", "22", "333"]))
print("%s|" % "left".ljust(10) + "right".rjust(10))
