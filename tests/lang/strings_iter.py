s = ""
for i in range(20):
    s += str(i)
print(s, len(s))
words = []
for w in "the rain in spain".split():
    words.append(w[::-1].upper())
print(" ".join(words))
print("".join(chr(ord("a") + i) for i in range(26)))
print("-" * 20)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items()))
