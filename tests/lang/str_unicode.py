s = "héllo wörld ✓"
print(s, len(s), s[1], s[-1], s[6:11], s.upper(), s[::-1])
print(ord("é"), chr(233), chr(0x2713), ord("A"), chr(65), "\u00e9" == "é", "\U0001F600")
print(len("😀"), "😀".encode(), "é".encode("utf-8"), b"\xc3\xa9".decode())
print(repr("tab\there"), repr("quote'"), repr('dq"'), repr("both'\""), repr("\x00\x7f"), repr("é"))
for ch in "aé✓":
    print(ch, ord(ch))
print(sorted("bca"), list("héj"), "é" in s, s.find("w"), s.index("✓"))
