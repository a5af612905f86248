# async for and async with driven by hand
class Tick:
    def __await__(self):
        yield "tick"
    __iter__ = __await__  # MicroPython awaits via __iter__

class Counter:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Tick()
        return self.i

class Lock:
    def __init__(self):
        self.held = False
    async def __aenter__(self):
        await Tick()
        self.held = True
        print("acquired")
        return self
    async def __aexit__(self, et, ev, tb):
        self.held = False
        print("released", et.__name__ if et else None)
        return et is KeyError

def run(coro):
    ticks = 0
    while True:
        try:
            coro.send(None)
            ticks += 1
        except StopIteration as e:
            return e.value, ticks

async def main():
    out = []
    async for v in Counter(4):
        out.append(v)
    lock = Lock()
    async with lock as l:
        out.append(l.held)
    out.append(lock.held)
    async with lock:
        raise KeyError("suppressed")
    try:
        async with lock:
            raise ValueError("escapes")
    except ValueError:
        out.append("ValueError escaped")
    async for v in Counter(3):
        if v == 2:
            break
    else:
        out.append("no else")
    async for v in Counter(1):
        pass
    else:
        out.append("else ran")
    return out

print(run(main()))

async def agen_like():
    total = 0
    async for v in Counter(5):
        if v % 2:
            continue
        total += v
    return total
print(run(agen_like()))

async def nested_with():
    a, b = Lock(), Lock()
    async with a, b:
        return a.held and b.held
print(run(nested_with()))
