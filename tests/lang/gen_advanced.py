def counter(start):
    n = start
    while True:
        cmd = yield n
        if cmd == "reset":
            n = start
        elif cmd == "stop":
            return "stopped at %d" % n
        else:
            n += 1
c = counter(10)
print(next(c), next(c), c.send("reset"), next(c))
try:
    c.send("stop")
except StopIteration as e:
    print(e.value)
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(list(tree(3)))
g = (i for i in range(3))
print(list(g), list(g))
def early():
    yield 1
    yield 2
e = early()
for v in e:
    print("got", v)
    break
print(next(e), next(e, "exhausted"))
def gen_close():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
gc_ = gen_close(); next(gc_); gc_.close(); print("closed ok")
def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as err:
    print("RuntimeError", err)
