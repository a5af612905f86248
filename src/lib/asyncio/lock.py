# asyncio.lock: a mutex.  release() hands the lock straight to the first
# waiter still waiting (it stays locked), so waiters get it in FIFO order
# and a running task cannot overtake them.
from .core import CancelledError, _PARK, _park, _wake, _running


class Lock:
    def __init__(self):
        self._locked = False
        self._waiters = []  # (task, key)

    def locked(self):
        return self._locked

    def release(self):
        if not self._locked:
            raise RuntimeError("Lock not acquired")
        ws = self._waiters
        while ws:
            t, k = ws.pop(0)
            if _wake(t, k):
                return
        self._locked = False

    def acquire(self):
        if self._locked:
            me = _running()
            w = (me, _park(me))
            self._waiters.append(w)
            try:
                yield _PARK
            except CancelledError:
                if w in self._waiters:
                    self._waiters.remove(w)
                else:
                    # handed the lock just before the cancellation arrived
                    self.release()
                raise
        else:
            self._locked = True
        return True

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()
        return None
