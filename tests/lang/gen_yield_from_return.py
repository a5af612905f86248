# yield from: delegation, return values, send/throw passthrough
def inner(n):
    for i in range(n):
        got = yield i
        if got:
            print("inner got", got)
    return "inner done %d" % n

def outer():
    r1 = yield from inner(2)
    print("r1 =", r1)
    r2 = yield from inner(1)
    print("r2 =", r2)
    return r1 + " / " + r2

g = outer()
print(next(g))
print(g.send("hello"))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("final", e.value)

def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x
print(list(flatten([1, [2, [3, [4, []]], 5], [[6]]])))

def from_iterables():
    yield from "ab"
    yield from [1, 2]
    yield from range(3, 5)
    yield from (x * x for x in range(2))
    yield from {"k": 1}
print(list(from_iterables()))

def catcher():
    try:
        yield 1
        yield 2
    except ValueError:
        yield "inner handled"
    return "catcher ret"
def delegator():
    r = yield from catcher()
    yield "delegator saw " + r
d = delegator()
print(next(d), d.throw(ValueError), next(d))

def closing_inner():
    try:
        yield 1
    finally:
        print("inner finally on close")
def closing_outer():
    try:
        yield from closing_inner()
    finally:
        print("outer finally on close")
co = closing_outer()
next(co)
co.close()

def ret_only():
    return 42
    yield
def use_ret():
    v = yield from ret_only()
    yield v
print(list(use_ret()))

def depth(n):
    if n == 0:
        return 0
    r = yield from depth(n - 1)
    yield n
    return r + n
def collect():
    total = yield from depth(5)
    yield ("total", total)
print(list(collect()))
