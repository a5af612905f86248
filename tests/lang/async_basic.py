class Sleep:
    def __await__(self):
        yield "tick"
        return "slept"
async def child(n):
    r = await Sleep()
    return n * 10, r
async def parent():
    results = []
    for i in range(3):
        results.append(await child(i))
    return results
def run(coro):
    ticks = 0
    try:
        while True:
            coro.send(None)
            ticks += 1
    except StopIteration as e:
        return e.value, ticks
print(run(parent()))
class AIter:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 3: raise StopAsyncIteration
        return self.i
class ACtx:
    async def __aenter__(self):
        print("aenter"); return "ctx"
    async def __aexit__(self, t, v, tb):
        print("aexit"); return False
async def user():
    out = []
    async for v in AIter():
        out.append(v)
    async with ACtx() as c:
        out.append(c)
    return out
print(run(user()))
async def agen():
    for i in range(3):
        yield i
async def consume():
    return [x async for x in agen()]
print(run(consume()))
