# JSON round trips: dumps and loads of a nested structure of every JSON type.
import json

def make(n):
    return {
        "id": n,
        "name": "item-%d" % n,
        "tags": ["t%d" % (n % 7), "caf\u00e9", "x\ny"],
        "price": n * 1.25 + 0.1,
        "ok": n % 2 == 0,
        "none": None,
        "big": 10 ** 20 + n,
        "nested": {"a": [1, 2, [3, 4.5, {"b": "c"}]], "depth": {"k": n % 13}},
    }

data = [make(i) for i in range(200)]
total = 0
for r in range(60):
    s = json.dumps(data)
    back = json.loads(s)
    total += len(s) + len(back) + back[r]["nested"]["depth"]["k"]
    s2 = json.dumps(back, separators=(",", ":"), sort_keys=True)
    total += len(s2)
print(total, back == data)
