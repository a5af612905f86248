# generator send(): priming, running averages, coroutine-style consumers
def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total / count

a = averager()
print(next(a))
print(a.send(10), a.send(20), a.send(60))

def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    yield received

e = echo()
print(e.send(None), e.send("a"), e.send("b"))
print(e.send(None))
try:
    e.send(1)
except StopIteration:
    print("StopIteration")

g = averager()
try:
    g.send(5)
except TypeError as ex:
    print(type(ex).__name__)

def accumulate():
    total = 0
    while True:
        x = yield total
        total += x if x is not None else 0
acc = accumulate()
next(acc)
for v in range(1, 6):
    print(acc.send(v), end=" ")
print()
print(next(acc))

def grep(pattern):
    found = []
    try:
        while True:
            line = yield
            if pattern in line:
                found.append(line)
    except GeneratorExit:
        print("grep closing with", found)
        raise
gr = grep("py")
next(gr)
for line in ["python", "ruby", "pypy", "c"]:
    gr.send(line)
gr.close()

def two_way():
    x = yield 1
    y = yield x * 10
    return x + y
t = two_way()
print(next(t), t.send(2))
try:
    t.send(3)
except StopIteration as si:
    print("returned", si.value)
