d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(len(k), "a" in k, 2 in v, ("b", 2) in i, ("b", 3) in i)
print(sorted(k - {"a"}), sorted(k & {"b", "z"}), sorted(k | {"z"}), sorted(k ^ {"a", "q"}))
d["d"] = 4
print(list(k), list(v), list(i))
print(k == {"a", "b", "c", "d"}, list(reversed(d.keys())) if hasattr(d.keys(), "__reversed__") else ["d", "c", "b", "a"])
for key, val in i:
    print(key, val, end="; ")
print()
