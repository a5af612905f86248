# asyncio.stream: Stream over an object with read/readinto/readline/write
# methods (a UART, a BytesIO ...).  The host has no poller, so the object's
# calls are taken as non-blocking: each read returns what the object gives
# and yields once so other tasks run; drain() only yields.
from .core import sleep_ms


class Stream:
    def __init__(self, s, e={}):
        self.s = s
        self.e = e
        self.out_buf = b""

    def get_extra_info(self, v):
        return self.e[v]

    def close(self):
        pass

    async def wait_closed(self):
        if hasattr(self.s, "close"):
            self.s.close()

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.wait_closed()

    async def read(self, n=-1):
        await sleep_ms(0)
        r = self.s.read() if n < 0 else self.s.read(n)
        return b"" if r is None else r

    async def readinto(self, buf):
        await sleep_ms(0)
        return self.s.readinto(buf)

    async def readexactly(self, n):
        r = b""
        while len(r) < n:
            await sleep_ms(0)
            d = self.s.read(n - len(r))
            if not d:
                raise EOFError
            r += d
        return r

    async def readline(self):
        await sleep_ms(0)
        r = self.s.readline()
        return b"" if r is None else r

    def write(self, buf):
        self.out_buf += buf

    async def drain(self):
        buf = self.out_buf
        self.out_buf = b""
        while buf:
            n = self.s.write(buf)
            buf = buf[n:] if n is not None else b""
            await sleep_ms(0)


StreamReader = Stream
StreamWriter = Stream
