def is_pal(s):
    s = "".join(c.lower() for c in s if c.isalnum())
    return s == s[::-1]
print(is_pal("A man, a plan, a canal: Panama"), is_pal("hello"))
def caesar(s, k):
    out = []
    for c in s:
        if c.isalpha():
            base = ord("a") if c.islower() else ord("A")
            out.append(chr((ord(c) - base + k) % 26 + base))
        else:
            out.append(c)
    return "".join(out)
print(caesar("Hello, World!", 3), caesar(caesar("abc xyz", 5), -5))
def word_freq(text):
    freq = {}
    for w in text.lower().split():
        w = w.strip(".,!?")
        freq[w] = freq.get(w, 0) + 1
    return sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print(word_freq("the cat and the hat. The end, and the start!"))
def rle(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append("%d%s" % (j - i, s[i]))
        i = j
    return "".join(out)
print(rle("aaabccddddde"))
