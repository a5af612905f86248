# string processing: word frequency, anagrams, palindromes, wrapping
text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness"""

def words(t):
    out = []
    cur = ""
    for ch in t.lower():
        if ch.isalpha():
            cur += ch
        elif cur:
            out.append(cur)
            cur = ""
    if cur:
        out.append(cur)
    return out

ws = words(text)
print(len(ws), len(set(ws)))
freq = {}
for w in ws:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
print(top)
for w, n in top:
    print("%-8s %s" % (w, "#" * n))

groups = {}
for w in ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"]:
    groups.setdefault("".join(sorted(w)), []).append(w)
print(sorted(sorted(g) for g in groups.values() if len(g) > 1))

def is_pal(s):
    clean = [c.lower() for c in s if c.isalpha() or c.isdigit()]
    return clean == clean[::-1]
for s in ["A man, a plan, a canal: Panama", "race a car", "", "No 'x' in Nixon"]:
    print(repr(s), is_pal(s))

def wrap(t, width):
    lines, line = [], ""
    for w in t.split():
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = line + " " + w if line else w
    if line:
        lines.append(line)
    return lines
for line in wrap(text, 28):
    print("|" + line + " " * (28 - len(line)) + "|")

def caesar(s, k):
    out = []
    for ch in s:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + k) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + k) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)
enc = caesar("Hello, World!", 3)
print(enc, caesar(enc, -3))
print(" ".join(w[::-1] for w in "reverse each word here".split()))
print("".join(sorted(set("mississippi"))), max(sorted(set(ws)), key=ws.count))
