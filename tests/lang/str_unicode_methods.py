s = "Grüße, Welt! ÀÉÎ"
print(s.upper(), s.lower(), s.swapcase(), len(s), s.find("Welt"), s[::-1])
print(s.encode("utf-8"), len(s.encode()), s.encode().decode() == s)
print("αβγ".upper(), "ΑΒΓ".lower(), "日本語".find("本"), "日本語"[1], list("日本"))
print("ñ".isalpha(), "٣".isdigit(), "½".isnumeric() if True else True, " ".isspace())
print(sorted(["é", "e", "f", "z", "É"]), "é" < "f", ord("é") > ord("z"))
print("x".join(["α", "β"]), "α,β".split(","), "—".join("ab"), "tëst".center(8, "·"))
