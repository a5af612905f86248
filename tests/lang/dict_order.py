d = {}
for k in ["z", "a", "m", "b"]:
    d[k] = len(d)
print(d)
del d["a"]
d["a"] = 9
print(d, list(d))
d2 = {i: str(i) for i in range(10)}
for i in range(0, 10, 3):
    d2.pop(i)
print(d2)
try:
    for k in d2:
        d2[k + 100] = 1
except RuntimeError as e:
    print("RuntimeError", e)
