class O: pass
o = O(); o.n = 1
o.n += 5; o.n *= 2
print(o.n)
l = [1, 2, 3]
l[0] += 10; l[-1] **= 2; l[1] -= 1
print(l)
d = {"k": [1]}
d["k"] += [2]; d["k"][0] -= 1
d.setdefault("z", 0)
d["z"] += 1
print(d)
calls = []
def idx():
    calls.append("idx")
    return 0
l[idx()] += 1
print(l, calls)
s = "a"; s *= 3; s += "b"; print(s)
t = (1,); t += (2,); print(t)
x = 10; x //= 3; x <<= 2; x >>= 1; x |= 1; x &= 7; x ^= 2; x %= 4; print(x)
f = 2.0; f /= 4; f **= 2; print(f)
