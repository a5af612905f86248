# asyncio: Task.cancel delivers CancelledError at the await, cleanup runs,
# wait_for timeouts cancel the inner task, cancelling before the first step
import asyncio


async def sleeper(log, t):
    try:
        log.append("sleeping")
        await asyncio.sleep(t)
        log.append("woke")
    except asyncio.CancelledError:
        log.append("cancelled")
        raise
    finally:
        log.append("finally")


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stubborn ignores cancel")
    await asyncio.sleep(0.001)
    return "survived"


async def quick(x):
    await asyncio.sleep(0.001)
    return x * 2


async def main():
    log = []
    t = asyncio.create_task(sleeper(log, 1))
    await asyncio.sleep(0.01)
    print(t.cancel(), t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("await saw CancelledError")
    print(log, t.done(), t.cancelled(), t.cancel())

    # cancelled before it ever ran: the body never starts
    log2 = []
    t = asyncio.create_task(sleeper(log2, 1))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("never started", log2)

    # a task may ignore the cancellation
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0.005)
    t.cancel()
    print(await t)

    # wait_for: completes in time
    print(await asyncio.wait_for(quick(21), 1))
    print(await asyncio.wait_for(quick(5), None))
    # wait_for: times out, inner task is cancelled and cleaned up first
    log3 = []
    try:
        await asyncio.wait_for(sleeper(log3, 1), 0.02)
    except asyncio.TimeoutError:
        print("timeout", log3)
    # wait_for propagates the inner exception
    async def bad():
        await asyncio.sleep(0.001)
        raise OSError(5, "io")
    try:
        await asyncio.wait_for(bad(), 1)
    except OSError as e:
        print("inner error", e.args)

    # cancelling a task that is inside wait_for cancels the inner one too
    log4 = []

    async def outer():
        try:
            await asyncio.wait_for(sleeper(log4, 1), 0.5)
        except asyncio.CancelledError:
            print("outer cancelled")
            raise

    t = asyncio.create_task(outer())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        pass
    await asyncio.sleep(0.01)
    print(log4)

    # a task cancelling itself: CPython throws CancelledError in at the next
    # await; MicroPython refuses with RuntimeError("can't cancel self").
    async def selfcancel():
        try:
            asyncio.current_task().cancel()
        except RuntimeError as e:
            print("refused:", e)
            return "ok"
        try:
            await asyncio.sleep(0.001)
        except asyncio.CancelledError:
            print("refused:", "can't cancel self")
            return "ok"

    print(await asyncio.create_task(selfcancel()))


asyncio.run(main())
