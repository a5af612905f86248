d = {}
d[1] = "int"; d[1.0] = "float replaces"; d[True] = "bool replaces"
print(d)
d[(1, 2)] = "tuple"; d["1"] = "str"; d[None] = "none"; d[frozenset({1})] = "fs"
print(len(d), d[(1, 2)], d["1"], d[None], d[frozenset([1])])
d[2 ** 70] = "big"; print(d[2 ** 70], 2 ** 70 in d)
d[0.5] = "half"; print(d[0.5], d.get(0.25))
try:
    d[[1]] = 1
except TypeError as e:
    print("TypeError", e)
try:
    d[{}] = 1
except TypeError as e:
    print("TypeError", e)
