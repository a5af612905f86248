def gen(n):
    for i in range(n):
        yield i * i
print(list(gen(5)), sum(gen(10)))
g = gen(3)
print(next(g), next(g), next(g), next(g, "done"))
def echo():
    received = yield "start"
    while True:
        received = yield "got %s" % received
e = echo()
print(next(e), e.send(1), e.send("x"))
def with_return():
    yield 1
    return "result"
def delegator():
    r = yield from with_return()
    yield r
print(list(delegator()))
def closing():
    try:
        yield 1
        yield 2
    finally:
        print("closed")
c = closing(); next(c); c.close()
def thrower():
    try:
        yield 1
    except ValueError as e:
        yield "caught " + str(e)
t = thrower(); next(t); print(t.throw(ValueError("boom")))
print(list(x for x in range(10) if x % 3 == 0), (x * 2 for x in [1]).__next__())
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def inner_gen():
    x = yield 1
    print("inner received", x)
    yield 2
def outer_gen():
    yield from inner_gen()
og = outer_gen(); print(next(og), og.send("hi"))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration")
