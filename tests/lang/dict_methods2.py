d = dict.fromkeys("abc")
print(d, dict(zip(range(3), "xyz")), {**d, "b": 1})
d2 = {"x": 1}
print(d2.pop("zz", "dflt"), d2.get("x"), list(reversed(list(d2.items()))))
nested = {"a": {"b": {"c": 1}}}
print(nested["a"]["b"]["c"], nested.get("a", {}).get("q", "none"))
inv = {v: k for k, v in {"one": 1, "two": 2}.items()}
print(inv, sorted(inv), min(inv), 2 in inv)
counts = {}
for w in "a b a c b a".split():
    counts.setdefault(w, []).append(1)
print({k: len(v) for k, v in counts.items()})
e = {}
print(e.get(1), len(e), bool(e), e == {}, {1: 2} == {1: 2.0})
d3 = {1: "a"}; d3.update([(2, "b")]); d3.update(c=3); print(d3)
print(sorted({3: 1, 1: 2}.items()), list({1: 1}.values()))
try:
    {}.popitem()
except KeyError as e:
    print("KeyError", e)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError", e)
