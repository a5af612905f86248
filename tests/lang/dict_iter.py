d = {"b": 2, "a": 1, "c": 3}
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, "=", v)
print(sorted(d), sorted(d.values()), sorted(d.items(), key=lambda kv: kv[1], reverse=True))
print(list(enumerate(d)), [k * v for k, v in d.items()], max(d, key=d.get))
keys = list(d.keys())
for k in keys:
    if d[k] % 2:
        del d[k]
print(d)
