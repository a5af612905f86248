# find, rfind, index, rindex, count, startswith, endswith, replace, in
s = "the cat sat on the mat"
print(s.find("at"), s.rfind("at"), s.find("at", 6), s.find("at", 6, 9), s.find("dog"), s.find(""))
print(s.index("the"), s.rindex("the"), s.count("at"), s.count("the"), s.count(""), s.count("at", 10))
try:
    s.index("dog")
except ValueError as e:
    print(type(e).__name__)
try:
    s.rindex("dog")
except ValueError as e:
    print(type(e).__name__)
print(s.startswith("the"), s.startswith("cat", 4), s.startswith(("a", "t")), s.endswith("mat"), s.endswith(("x", "at")), s.endswith("sat", 0, 11))
print(s.replace("at", "og"), s.replace("at", "og", 2), s.replace("zz", "y"))
print("aaaa".replace("aa", "b"), "aaaa".count("aa"), "abc".replace("", "-"))
print("cat" in s, "dog" in s, "" in s, "" in "")
print("abcabc".find("c", -2), "abcabc".rfind("a", 0, 3), "abc".find("abcd"))
print("ababab".rfind("ab"), "ababab".rfind("ab", 0, 5), "x".rfind(""))
print("Mississippi".count("ss"), "Mississippi".count("i"), "Mississippi".replace("ss", "SS", 1))
def all_positions(text, sub):
    out = []
    i = text.find(sub)
    while i != -1:
        out.append(i)
        i = text.find(sub, i + 1)
    return out
print(all_positions("banana", "an"), all_positions("aaaa", "aa"), all_positions("xyz", "q"))
print(s.startswith(""), "".startswith(""), "".endswith("a"))
