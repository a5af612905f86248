# List, dict and set comprehensions.
total = 0
for r in range(100):
    sq = [x * x for x in range(3000)]
    ev = [x for x in sq if x % 2 == 0]
    dm = {x: x % 7 for x in range(1000)}
    st = {x % 97 for x in sq}
    total += len(ev) + len(dm) + len(st)
print(total)
