# await chains, exceptions through awaits, coroutine objects
class Suspend:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        value = yield self.tag
        return value
    __iter__ = __await__  # MicroPython awaits via __iter__

async def leaf(tag):
    v = await Suspend(tag)
    return "leaf(%s)=%r" % (tag, v)

async def middle():
    a = await leaf("x")
    b = await leaf("y")
    return [a, b]

c = middle()
print(c.send(None))
print(c.send(1))
try:
    c.send(2)
except StopIteration as e:
    print(e.value)

async def fails():
    await Suspend("before fail")
    raise KeyError("k")

async def handler():
    try:
        await fails()
    except KeyError as e:
        return "caught " + repr(e)
    finally:
        print("handler finally")

h = handler()
print(h.send(None))
try:
    h.send(None)
except StopIteration as e:
    print(e.value)

async def thrown_into():
    try:
        await Suspend("waiting")
    except RuntimeError as e:
        return "coroutine got " + str(e)
t = thrown_into()
print(t.send(None))
try:
    t.throw(RuntimeError("injected"))
except StopIteration as e:
    print(e.value)

async def simple():
    return 5
s = simple()
try:
    s.send(None)
except StopIteration as e:
    print("simple", e.value)

async def recurse(n):
    if n == 0:
        return 0
    return n + await recurse(n - 1)
r = recurse(20)
try:
    r.send(None)
except StopIteration as e:
    print("recurse", e.value)

async def with_default(a, b=2, *rest, k=3):
    return a + b + sum(rest) + k
w = with_default(1, 1, 1, k=0)
try:
    w.send(None)
except StopIteration as e:
    print("args", e.value)
