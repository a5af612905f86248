# asyncio: run, create_task, sleep ordering, return values, exceptions, current_task
import asyncio


async def worker(name, delay, log):
    log.append(name + " start")
    await asyncio.sleep(delay)
    log.append(name + " end")
    return name.upper()


async def boom():
    await asyncio.sleep(0)
    raise ValueError("boom")


async def main():
    log = []
    t1 = asyncio.create_task(worker("a", 0.03, log))
    t2 = asyncio.create_task(worker("b", 0.01, log))
    t3 = asyncio.create_task(worker("c", 0.02, log))
    print(t1.done())
    r = [await t1, await t2, await t3]
    print(r, t1.done())
    print(log)
    # sleep(0) interleaving is round robin
    order = []

    async def spin(tag, n):
        for i in range(n):
            order.append(tag + str(i))
            await asyncio.sleep(0)

    a = asyncio.create_task(spin("x", 3))
    b = asyncio.create_task(spin("y", 3))
    await a
    await b
    print(order)
    # exception propagates through await
    try:
        await asyncio.create_task(boom())
    except ValueError as e:
        print("caught", e)
    try:
        await boom()
    except ValueError as e:
        print("caught direct", e)
    print(isinstance(asyncio.current_task(), asyncio.Task))
    # awaiting an already finished task gives its result again
    print(await t2, t2.result())
    # nested coroutine results
    async def add(x, y):
        await asyncio.sleep(0)
        return x + y
    print(await add(await add(1, 2), 3))
    # sleep returns result
    print(await asyncio.sleep(0, "res"))
    return "main done"


print(asyncio.run(main()))


async def fails():
    await asyncio.sleep(0.001)
    raise KeyError("k")


try:
    asyncio.run(fails())
except KeyError as e:
    print("run raised", repr(e))
