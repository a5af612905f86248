# assignment expressions in loops, conditions and comprehensions
data = [3, 8, 1, 9, 4]
it = iter(data)
while (v := next(it, None)) is not None:
    print("value", v)

if (n := len(data)) > 3:
    print("long list", n)

lines = ["a=1", "skip", "b=2", "c=3"]
pairs = [(k, int(v)) for line in lines if (eq := line.find("=")) > 0 for k, v in [(line[:eq], line[eq + 1:])]]
print(pairs)

def chunks(seq, size):
    i = 0
    out = []
    while (chunk := seq[i:i + size]):
        out.append(chunk)
        i += size
    return out
print(chunks([1, 2, 3, 4, 5, 6, 7], 3))

print([y for x in range(6) if (y := x * x) % 2 == 0])
print(y)
total = 0
print([total := total + x for x in range(5)], total)
print((a := 10) + a)
def f(x):
    return (doubled := x * 2, doubled + 1)
print(f(5))
stack = [1, 2, 3]
while stack and (top := stack.pop()) != 1:
    print("popped", top)
print(stack, top)
print(any((hit := w).startswith("b") for w in ["apple", "banana", "cherry"]), hit)
values = {"x": 5}
if (found := values.get("x")) is not None and found > 2:
    print("found", found)
import math
print([r for x in (1, 4, 10) if (r := math.sqrt(x)) == int(r)])
