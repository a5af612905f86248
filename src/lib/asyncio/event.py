# asyncio.event: Event (many waiters, stays set) and ThreadSafeFlag (one
# waiter, cleared by the wait that consumes it; set() may be called from
# outside any task, e.g. an interrupt handler).
from .core import _PARK, _park, _wake, _running


class Event:
    def __init__(self):
        self._flag = False
        self._waiters = []  # (task, key)

    def is_set(self):
        return self._flag

    def set(self):
        self._flag = True
        ws = self._waiters
        if ws:
            self._waiters = []
            for t, k in ws:
                _wake(t, k)

    def clear(self):
        self._flag = False

    def wait(self):
        if not self._flag:
            me = _running()
            ws = self._waiters
            if len(ws) > 16:
                # drop entries of waiters cancelled meanwhile
                ws[:] = [w for w in ws if w[0]._key == w[1]]
            ws.append((me, _park(me)))
            yield _PARK
        return True


class ThreadSafeFlag:
    def __init__(self):
        self._flag = False
        self._waiter = None

    def set(self):
        self._flag = True
        w = self._waiter
        if w is not None:
            self._waiter = None
            _wake(w[0], w[1])

    def clear(self):
        self._flag = False

    def wait(self):
        while not self._flag:
            me = _running()
            self._waiter = (me, _park(me))
            yield _PARK
        self._flag = False
