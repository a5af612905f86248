# a tiny round-robin event loop driving coroutines with send(None)
class Yield:
    def __await__(self):
        yield None
    __iter__ = __await__  # MicroPython awaits via __iter__

class Loop:
    def __init__(self):
        self.ready = []
        self.log = []
    def spawn(self, coro, name):
        self.ready.append((coro, name))
    def run(self):
        results = {}
        while self.ready:
            coro, name = self.ready.pop(0)
            try:
                coro.send(None)
                self.ready.append((coro, name))
            except StopIteration as e:
                results[name] = e.value
        return results

log = []
async def task(name, steps):
    for i in range(steps):
        log.append("%s:%d" % (name, i))
        await Yield()
    return name * steps

loop = Loop()
loop.spawn(task("a", 3), "a")
loop.spawn(task("b", 1), "b")
loop.spawn(task("c", 2), "c")
res = loop.run()
print(log)
print(sorted(res.items()))

async def add(x, y):
    await Yield()
    return x + y
async def compute():
    a = await add(1, 2)
    b = await add(a, 10)
    return [a, b]
def run(coro):
    steps = 0
    while True:
        try:
            coro.send(None)
            steps += 1
        except StopIteration as e:
            return e.value, steps
print(run(compute()))

c = add(1, 1)
print(type(c).__name__)
c.close()

async def raises():
    await Yield()
    raise ValueError("async fail")
try:
    run(raises())
except ValueError as e:
    print("caught", e)

async def catches():
    try:
        await raises()
    except ValueError as e:
        return "handled " + str(e)
print(run(catches()))

class Future:
    def __init__(self):
        self.result = None
        self.done = False
    def __await__(self):
        while not self.done:
            yield self
        return self.result
    __iter__ = __await__
fut = Future()
async def waiter():
    v = await fut
    return "got " + v
w = waiter()
print(w.send(None) is fut)
print(w.send(None) is fut)
fut.result, fut.done = "value", True
try:
    w.send(None)
except StopIteration as e:
    print(e.value)
