# asyncio: gather (order, return_exceptions, early failure, cancellation),
# Event, Lock (FIFO, async with, cancellation of a waiter)
import asyncio


async def val(x, t):
    await asyncio.sleep(t)
    return x


async def err(msg, t):
    await asyncio.sleep(t)
    raise ValueError(msg)


async def main():
    print(await asyncio.gather(val(1, 0.02), val(2, 0.01), val(3, 0)))
    print(await asyncio.gather())
    t = asyncio.create_task(val("t", 0))
    await asyncio.sleep(0.001)
    print(await asyncio.gather(t, val("c", 0.001)))
    r = await asyncio.gather(val(1, 0.01), err("bad", 0.001), return_exceptions=True)
    print(r[0], type(r[1]).__name__, r[1])
    # without return_exceptions the first error propagates at once
    slow = asyncio.create_task(val("slow", 0.03))
    try:
        await asyncio.gather(slow, err("first", 0.005))
    except ValueError as e:
        print("gather raised", e, slow.done())
    print(await slow)
    # cancelling the gathering task cancels its children
    kids = [asyncio.create_task(val(i, 1)) for i in range(3)]

    async def gathering():
        return await asyncio.gather(*kids)

    g = asyncio.create_task(gathering())
    await asyncio.sleep(0.005)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled")
    print([k.cancelled() for k in kids])

    # Event
    ev = asyncio.Event()
    got = []

    async def waiter(n):
        r = await ev.wait()
        got.append((n, r))

    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0.005)
    print(ev.is_set(), got)
    ev.set()
    await asyncio.gather(*ws)
    print(ev.is_set(), got)
    print(await ev.wait())
    ev.clear()
    print(ev.is_set())
    try:
        await asyncio.wait_for(ev.wait(), 0.01)
    except asyncio.TimeoutError:
        print("event wait timed out")

    # Lock
    lock = asyncio.Lock()
    trace = []

    async def crit(n):
        async with lock:
            trace.append("in%d" % n)
            await asyncio.sleep(0.002)
            trace.append("out%d" % n)

    await asyncio.gather(*[crit(i) for i in range(3)])
    print(trace, lock.locked())
    print(await lock.acquire(), lock.locked())
    lock.release()
    print(lock.locked())
    try:
        lock.release()
    except RuntimeError:
        print("release unlocked: RuntimeError")

    # a cancelled waiter does not keep the lock
    await lock.acquire()
    w1 = asyncio.create_task(crit(8))
    w2 = asyncio.create_task(crit(9))
    await asyncio.sleep(0.002)
    w1.cancel()
    await asyncio.sleep(0.002)
    trace.clear()
    lock.release()
    await w2
    print(w1.cancelled(), trace, lock.locked())


asyncio.run(main())
