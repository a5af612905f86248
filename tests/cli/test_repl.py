"""The REPL on a terminal: prompts, echo of results, continuation lines, errors, Ctrl-C, Ctrl-D.
Runs breadboard under a pseudo-terminal, as a user at a shell would."""
import os
import pty
import select
import time
from cliutil import BIN, check, done


def session(keys, timeout=10):
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(BIN, [BIN])
    out = b""

    def read_until(marker, wait=2.0):
        nonlocal out
        deadline = time.time() + wait
        while time.time() < deadline:
            r, _, _ = select.select([fd], [], [], 0.1)
            if r:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:
                    return False
                if not chunk:
                    return False
                out += chunk
                if out.endswith(marker):
                    return True
        return False

    read_until(b">>> ", 5.0)
    for k in keys:
        os.write(fd, k)
        time.sleep(0.15)
        read_until(b">>> ")
    os.write(fd, b"\x04")
    end = time.time() + 3
    status = None
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                c = os.read(fd, 4096)
                if not c:
                    break
                out += c
            except OSError:
                break
        wpid, st = os.waitpid(pid, os.WNOHANG)
        if wpid:
            status = st
            break
    if status is None:
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass
        _, status = os.waitpid(pid, 0)
    return out.decode("utf-8", "replace").replace("\r\n", "\n"), status


out, st = session([b"1 + 2\r", b"x = 'hi'\r", b"x * 2\r", b"None\r"])
check(">>> " in out and "\n3\n" in out and "'hihi'" in out, "echoes expression results", repr(out[-300:]))
check(os.WIFEXITED(st) and os.WEXITSTATUS(st) == 0, "Ctrl-D exits with status 0", st)

out, st = session([b"def f(n):\r", b"return n * 10\r", b"\r", b"f(4)\r"])
check("... " in out and "40" in out, "continuation lines with auto-indent", repr(out[-300:]))

out, st = session([b"1/0\r", b"print('alive')\r"])
check("ZeroDivisionError" in out and "alive" in out, "exception printed, REPL continues", repr(out[-300:]))

out, st = session([b"abc\x03", b"print('after ctrl-c')\r"])
check("after ctrl-c" in out, "Ctrl-C cancels the line", repr(out[-300:]))

out, st = session([b"while True: pass\r\r", b"\x03", b"print('interrupted ok')\r"])
check("KeyboardInterrupt" in out and "interrupted ok" in out, "Ctrl-C interrupts a running loop", repr(out[-400:]))

out, st = session([b"v = 41\r", b"v = v + 1\r", b"\x1b[A\x1b[A\r", b"v\r"])
check("\n42\n" in out or "\n41\n" in out, "history recall with the up arrow", repr(out[-300:]))
done()
