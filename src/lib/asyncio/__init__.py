# asyncio: cooperative multitasking for coroutines, MicroPython's asyncio API
# (run, create_task, sleep/sleep_ms, gather, wait_for/wait_for_ms, Event,
# ThreadSafeFlag, Lock, Task.cancel, Loop, Stream).  Frozen into the
# executable from src/lib/asyncio; the scheduler is in core.py.
from .core import *
from .funcs import wait_for, wait_for_ms, gather
from .event import Event, ThreadSafeFlag
from .lock import Lock
from .stream import Stream, StreamReader, StreamWriter

__version__ = (3, 0, 0)
