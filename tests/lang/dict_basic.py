d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("b"), d, d.setdefault("x", 10), d.setdefault("a", 99), d)
d.update({"y": 5}, z=6); print(d)
del d["x"]; print(d)
print(d.popitem(), d)
e = dict(a=1, b=2); f = dict([("k", "v")]); g = dict.fromkeys(["p", "q"], 0)
print(e, f, g, dict(e), e == {"b": 2, "a": 1}, e != f)
print({1: "int", 1.5: "float", (1, 2): "tuple", None: "none", True: "bool"})
for k, v in sorted(e.items()):
    print(k, v)
print(e | {"c": 3}, {k: v for k, v in zip("abc", range(3))})
e |= {"z": 26}; print(e)
try:
    d["missing"]
except KeyError as err:
    print("KeyError", err)
ks = e.keys()
e["new"] = 1
print(ks, len(ks), "new" in ks, e.values(), e.items())
print({"a": 1}.keys() & {"a", "b"}, {"a": 1}.keys() | {"c"})
big = {}
for i in range(1000):
    big[i] = i * i
for i in range(0, 1000, 2):
    del big[i]
print(len(big), big[999], sum(big.values()), list(big)[:5])
