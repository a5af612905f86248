# dict methods exhaustively
d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), d.get("a", 0))
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("b"), d.pop("zz", "default"), d)
try:
    d.pop("zz")
except KeyError as e:
    print(type(e).__name__)
print(d.setdefault("a", 100), d.setdefault("new", []), d)
d.setdefault("new", []).append(1)
print(d)
d.update({"x": 9}, y=10)
d.update([("p", 1), ("q", 2)])
d.update(z=26)
print(d)
print(d.popitem(), d.popitem(), d)
c = d.copy()
c["a"] = "changed"
print(d["a"], c["a"])
c.clear()
print(c, len(c))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
print(dict(), dict(a=1), dict([("k", "v")]), dict({"m": 1}, n=2), dict(zip("xy", (1, 2))))
print("a" in d, "nope" in d, 1 in d.values(), ("a", 1) in d.items())
print(d == {"a": 1, "new": [1], "x": 9, "y": 10, "p": 1}, {1: 2} != {1: 3})
print(d | {"extra": 0}, {"a": 0} | {"a": 1})
e = {"k": 1}
e |= {"j": 2}
print(e)
try:
    {}.popitem()
except KeyError as ex:
    print(type(ex).__name__)
try:
    d["missing"]
except KeyError as ex:
    print(type(ex).__name__, ex.args)
keys = d.keys()
d["later"] = 1
print(len(keys), "later" in keys)
print(sorted(d), sorted(d.items(), key=lambda kv: str(kv[1])))
print({k: v for k, v in sorted({"b": 1, "a": 2}.items())})
counts = {}
for w in "the cat the hat the end".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, max(counts, key=counts.get))
inv = {}
for k, v in {"a": 1, "b": 2, "c": 1}.items():
    inv.setdefault(v, []).append(k)
print(inv)
print(list(reversed({"x": 1, "y": 2, "z": 3})))
print({1: "a", 2: "b"}.keys() & {2, 3}, {1: "a"}.keys() | {5})
