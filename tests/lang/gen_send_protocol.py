def averager():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            break
        total += value
        count += 1
        avg = total / count
    return (count, avg)
a = averager()
next(a)
for v in [10, 20, 30]:
    print(a.send(v))
try:
    a.send(None)
except StopIteration as e:
    print("result", e.value)
def gen():
    x = yield
    while True:
        x = yield x * 2
g = gen(); next(g)
print([g.send(i) for i in range(4)])
