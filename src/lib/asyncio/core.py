# asyncio.core: tasks and the scheduler.
#
# A Task drives one coroutine.  At any moment a pending task is in exactly
# one of three places: running (_cur), in the ready list (_ready, FIFO), or
# parked.  An awaitable parks the current task by taking a fresh wake key
# (_park), registering (task, key) wherever the wake-up will come from (the
# timer heap, an Event's waiters, another task's waiters ...) and yielding
# _PARK up through the await chain to the scheduler.  _wake(task, key) makes
# the task ready only if the key is still its current one, so a task parked
# in several places (wait_for: a task's waiters and the timer heap) wakes
# once, and entries left behind by a cancellation are ignored when they fire.
# Yielding None means "reschedule me" (sleep(0)).
#
# Timers live in a heap of (deadline, seq, task, key) in milliseconds on a
# clock that never wraps: _clock() accumulates ticks_diff of the wrapping
# time.ticks_ms(), so heap order stays right across the ticks period.  When
# nothing is ready the loop sleeps host time until the first deadline.
from time import ticks_ms as _ticks, ticks_diff as _ticks_diff, sleep_ms as _host_sleep_ms
from heapq import heappush as _heappush, heappop as _heappop
import sys

__all__ = [
    "CancelledError", "TimeoutError", "InvalidStateError", "Task", "Loop", "create_task", "current_task",
    "sleep", "sleep_ms", "run", "get_event_loop", "new_event_loop",
]


class CancelledError(BaseException):
    pass


class TimeoutError(Exception):
    pass


class InvalidStateError(Exception):
    pass


_PARK = object()  # yielded by an awaitable that has registered where its task will be woken

_ready = []  # tasks to step, in order
_timers = []  # heap of [deadline_ms, seq, task, key]
_cur = None  # the task being stepped
_key = 0  # last wake key handed out; also the timer sequence number
_stop = False
_last_ticks = _ticks()
_now = 0


def _clock():
    global _last_ticks, _now
    t = _ticks()
    _now += _ticks_diff(t, _last_ticks)
    _last_ticks = t
    return _now


def _running():
    t = _cur
    if t is None:
        raise RuntimeError("no running event loop")
    return t


def _park(task):
    global _key
    _key += 1
    task._key = _key
    return _key


def _wake(task, key, exc=None):
    if task._key == key:
        task._key = None
        task._throw = exc
        _ready.append(task)
        return True
    return False


def _add_timer(task, key, ms):
    global _key
    _key += 1
    _heappush(_timers, (_clock() + ms, _key, task, key))


# Task states
_PENDING, _RESULT, _RAISED, _CANCELLED = 0, 1, 2, 3


class Task:
    def __init__(self, coro, loop=None):
        if not hasattr(coro, "send"):
            raise TypeError("a coroutine was expected, got %r" % (coro,))
        self.coro = coro
        self.data = None
        self._state = _PENDING
        self._value = None
        self._waiters = []  # (task, key) to wake, or callables called with this task, when done
        self._key = None  # wake key while parked
        self._throw = None  # exception to throw in at the next step
        self._cancel_self = False  # cancel() called by the task on itself

    def done(self):
        return self._state != _PENDING

    def cancelled(self):
        return self._state == _CANCELLED

    def get_coro(self):
        return self.coro

    def result(self):
        if self._state == _PENDING:
            raise InvalidStateError("Result is not set.")
        return self._get()

    def exception(self):
        if self._state == _PENDING:
            raise InvalidStateError("Exception is not set.")
        if self._state == _CANCELLED:
            raise self._value
        return self._value if self._state == _RAISED else None

    def add_done_callback(self, fn):
        if self._state != _PENDING:
            fn(self)
        else:
            self._waiters.append(fn)

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        if self is _cur:
            # MicroPython does not support a task cancelling itself
            raise RuntimeError("can't cancel self")
        else:
            self._throw = CancelledError() if msg is None else CancelledError(msg)
            if self._key is not None:
                # parked: stale every registration and make it ready
                self._key = None
                _ready.append(self)
        return True

    def _get(self):
        if self._state == _RESULT:
            return self._value
        raise self._value

    def __await__(self):
        if self._state == _PENDING:
            me = _running()
            if me is self:
                raise RuntimeError("a task cannot await itself")
            self._waiters.append((me, _park(me)))
            yield _PARK
        return self._get()

    __iter__ = __await__

    def __repr__(self):
        return "<Task>"  # as MicroPython prints it


def _finish(t, state, value):
    t._state = state
    t._value = value
    ws = t._waiters
    t._waiters = None
    for w in ws:
        if type(w) is tuple:
            _wake(w[0], w[1])
        else:
            w(t)
    if state == _RAISED and not ws:
        _loop.call_exception_handler({"message": "Task exception wasn't retrieved", "exception": value, "future": t})


def _step(t):
    global _cur
    exc = t._throw
    _cur = t
    try:
        if exc is None:
            r = t.coro.send(None)
        else:
            t._throw = None
            r = t.coro.throw(exc)
    except StopIteration as e:
        _cur = None
        _finish(t, _RESULT, e.value)
        return
    except CancelledError as e:
        _cur = None
        _finish(t, _CANCELLED, e)
        return
    except (KeyboardInterrupt, SystemExit) as e:
        _cur = None
        _finish(t, _RAISED, e)
        raise
    except BaseException as e:
        _cur = None
        _finish(t, _RAISED, e)
        return
    _cur = None
    if t._cancel_self:
        t._cancel_self = False
        t._key = None
        t._throw = CancelledError()
        _ready.append(t)
    elif r is _PARK:
        pass
    elif r is None:
        _ready.append(t)
    else:
        t._key = None
        t._throw = RuntimeError("Task got bad yield: %r" % (r,))
        _ready.append(t)


def _run(main):
    # Steps tasks until `main` is done (or, when main is None, until stop()
    # or nothing is left that could run).
    global _ready, _stop
    heap = _timers
    while True:
        if main is not None and main._state:
            return
        if _stop:
            _stop = False
            if main is not None:
                raise RuntimeError("Event loop stopped before Future completed.")
            return
        if heap:
            now = _clock()
            while heap and heap[0][0] <= now:
                e = _heappop(heap)
                _wake(e[2], e[3])
        if _ready:
            batch = _ready
            _ready = []
            for t in batch:
                _step(t)
            continue
        # drop timers whose task was woken or cancelled meanwhile
        while heap and heap[0][2]._key != heap[0][3]:
            _heappop(heap)
        if heap:
            d = heap[0][0] - _clock()
            if d > 0:
                _host_sleep_ms(d)
        elif main is None:
            return
        else:
            raise RuntimeError("event loop has nothing to run: every task waits for something that cannot happen")


def _ms(seconds):
    return int(seconds * 1000 + 0.5) if seconds > 0 else 0


def sleep_ms(ms, result=None):
    if ms <= 0:
        yield
        return result
    me = _running()
    _add_timer(me, _park(me), ms)
    yield _PARK
    return result


def sleep(seconds, result=None):
    return sleep_ms(_ms(seconds), result)


def create_task(coro):
    t = Task(coro)
    _ready.append(t)
    return t


def current_task():
    return _running()


def _default_handler(loop, context):
    print(context["message"], file=sys.stderr)
    print("future:", context["future"], "coro=", context["future"].coro, file=sys.stderr)
    exc = context.get("exception")
    if exc is not None:
        if hasattr(sys, "print_exception"):
            sys.print_exception(exc, sys.stderr)
        else:
            print("%s: %s" % (type(exc).__name__, exc), file=sys.stderr)


class Loop:
    _exc_handler = None

    def create_task(self, coro):
        return create_task(coro)

    def run_forever(self):
        global _stop
        _stop = False
        _run(None)

    def run_until_complete(self, aw):
        t = aw if isinstance(aw, Task) else create_task(aw)
        if t._state == _PENDING:
            # a watched task: its exception goes to the caller, not the handler
            t._waiters.append(_ignore)
            _run(t)
        return t._get()

    def stop(self):
        global _stop
        _stop = True

    def close(self):
        pass

    def set_exception_handler(self, handler):
        Loop._exc_handler = handler

    def get_exception_handler(self):
        return Loop._exc_handler

    def default_exception_handler(self, context):
        _default_handler(self, context)

    def call_exception_handler(self, context):
        (Loop._exc_handler or _default_handler)(self, context)


def _ignore(t):
    pass


_loop = Loop()


def get_event_loop(*args):
    return _loop


def new_event_loop():
    global _stop, _cur
    del _ready[:]
    del _timers[:]
    _stop = False
    _cur = None
    return _loop


def run(coro):
    return _loop.run_until_complete(create_task(coro))
