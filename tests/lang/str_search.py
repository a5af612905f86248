s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.count("o"), s.count("the"), s.index("fox"))
print(s.startswith("the"), s.startswith("quick", 4), s.endswith("dog"), s.endswith("lazy", 0, -4))
print(s.find(""), s.count(""), "aaa".count("aa"), "abc".find("c", -1), "abc".find("a", -1))
print("fox" in s, "cat" in s, s.upper().find("FOX"), s.title()[:15])
