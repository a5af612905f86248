# asyncio.funcs: wait_for and gather, written on the scheduler's park/wake
# protocol (see core.py): the waiting task parks with one key registered in
# every place that may wake it, and whichever fires first wins.
from . import core
from .core import Task, CancelledError, TimeoutError, _PARK, _RESULT, _park, _wake, _running, _add_timer, _ms


def _as_task(aw):
    return aw if isinstance(aw, Task) else core.create_task(aw)


def wait_for_ms(aw, timeout):
    t = _as_task(aw)
    if timeout is None:
        return (yield from t)
    if not t._state:
        me = _running()
        k = _park(me)
        t._waiters.append((me, k))
        _add_timer(me, k, timeout)
        try:
            yield _PARK
        except CancelledError:
            t.cancel()
            raise
        if not t._state:
            # the timer won: cancel the task and let it finish its cleanup
            t.cancel()
            try:
                yield from t
            except BaseException:
                pass
            raise TimeoutError
    return t._get()


def wait_for(aw, timeout):
    return wait_for_ms(aw, None if timeout is None else _ms(timeout))


def gather(*aws, return_exceptions=False):
    tasks = [_as_task(a) for a in aws]
    pending = 0
    for t in tasks:
        if not t._state:
            pending += 1
    if pending:
        me = _running()
        k = _park(me)
        left = [pending]
        failed = []

        def on_done(t):
            left[0] -= 1
            if t._state != _RESULT and not return_exceptions:
                if not failed:
                    failed.append(t)
                _wake(me, k)
            elif not left[0]:
                _wake(me, k)

        for t in tasks:
            if not t._state:
                t._waiters.append(on_done)
        try:
            yield _PARK
        except CancelledError:
            for t in tasks:
                t.cancel()
            raise
        if failed:
            raise failed[0]._value
    elif not return_exceptions:
        for t in tasks:
            if t._state != _RESULT:
                raise t._value
    return [t._value for t in tasks]
