# str case methods and predicates
samples = ["hello", "Hello World", "HELLO", "hello world 123", "", "123", "   ", "a1b2", "MiXeD cAsE", "tab\there", "under_score"]
for s in samples:
    print(repr(s), s.upper(), s.lower(), s.isupper(), s.islower(), s.isalpha(), s.isdigit(), s.isspace(), s.isalnum())
for s in ["abc", "ABC", "aBc", "123abc", "ABC123", " "]:
    print(s, s.isupper(), s.islower())
print("x".upper().lower().upper())
print("".join(c.upper() if i % 2 else c for i, c in enumerate("alternating")))
print("Hello, World! 42".upper(), "Hello, World! 42".lower())
print("abc".upper() == "ABC", "ABC".lower() == "abc", "MiXeD".lower().upper())
for s in ["a", "Z", "5", "_", " ", "\t", "\n", "!", "aZ9", "a b"]:
    print(repr(s), s.isalpha(), s.isdigit(), s.isalnum(), s.isspace(), s.isupper(), s.islower())
words = "Some Words HERE and there".split()
print([w for w in words if w.isupper()], [w for w in words if w.islower()], [w.lower() for w in words])
print(sorted(words, key=lambda w: w.lower()), sorted(words))
counts = {"upper": 0, "lower": 0, "digit": 0, "space": 0, "other": 0}
for ch in "Hello World 2024!?":
    if ch.isupper():
        counts["upper"] += 1
    elif ch.islower():
        counts["lower"] += 1
    elif ch.isdigit():
        counts["digit"] += 1
    elif ch.isspace():
        counts["space"] += 1
    else:
        counts["other"] += 1
print(counts)
