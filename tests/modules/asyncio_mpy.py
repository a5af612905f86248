# asyncio: MicroPython-only names (sleep_ms, wait_for_ms, ThreadSafeFlag) and
# the Loop object.  The MicroPython-only parts are guarded by hasattr and
# print the same lines either way, so CPython stays the oracle.
import asyncio


async def mpy_only():
    if not hasattr(asyncio, "sleep_ms"):
        for line in ("sleep_ms ok", "wait_for_ms ok", "wait_for_ms timeout", "flag ok 1", "flag cleared"):
            print(line)
        return
    await asyncio.sleep_ms(3)
    print("sleep_ms ok")

    async def quick():
        await asyncio.sleep_ms(1)
        return "fast"

    if await asyncio.wait_for_ms(quick(), 500) == "fast":
        print("wait_for_ms ok")
    try:
        await asyncio.wait_for_ms(asyncio.sleep_ms(500), 5)
    except asyncio.TimeoutError:
        print("wait_for_ms timeout")
    flag = asyncio.ThreadSafeFlag()
    hits = []

    async def waiter():
        await flag.wait()
        hits.append(1)

    t = asyncio.create_task(waiter())
    await asyncio.sleep_ms(2)
    flag.set()
    await t
    print("flag ok", len(hits))
    flag.set()
    flag.clear()
    try:
        await asyncio.wait_for_ms(flag.wait(), 5)
    except asyncio.TimeoutError:
        print("flag cleared")


loop = asyncio.new_event_loop()
loop.run_until_complete(mpy_only())


async def ticker(n, log):
    for i in range(n):
        log.append(i)
        await asyncio.sleep(0.001)


async def stopper(log):
    await asyncio.sleep(0.02)
    log.append("stop")
    loop.stop()


log = []
loop.create_task(ticker(3, log))
loop.create_task(stopper(log))
loop.run_forever()
print(log)

print(loop.run_until_complete(asyncio.sleep(0.001, "until")))

seen = []


def handler(lp, ctx):
    seen.append((lp is loop, ctx["message"]))


loop.set_exception_handler(handler)
print(loop.get_exception_handler() is handler)
loop.call_exception_handler({"message": "custom"})
print(seen)
loop.set_exception_handler(None)
loop.close()
