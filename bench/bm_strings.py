# String building, splitting, joining, formatting.
parts = []
for i in range(200000):
    parts.append("item%d" % i)
s = ",".join(parts)
words = s.split(",")
out = ""
for w in words[:20000]:
    out += w.upper()[:3]
n = sum(len(f"{i}:{w}") for i, w in enumerate(words[:100000]))
print(len(s), len(words), len(out), n)
