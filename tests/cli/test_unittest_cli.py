"""Frozen modules from the command line: unittest.main() reports and sets the
exit status; asyncio and unittest import from any directory with no files
beside the binary; '.frozen' on sys.path controls where they are found."""
import os
import tempfile
from cliutil import run, check, done

PASSING = """
import unittest

class T(unittest.TestCase):
    def test_one(self):
        self.assertEqual(1 + 1, 2)

    def test_two(self):
        self.assertIn("b", "abc")

    @unittest.skip("later")
    def test_three(self):
        pass

unittest.main()
print("after main")
"""

FAILING = """
import unittest

class A(unittest.TestCase):
    def test_bad(self):
        self.assertEqual(3, 4)

    def test_error(self):
        raise ValueError("boom")

    def test_good(self):
        pass

unittest.main()
print("not reached")
"""

with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "t_pass.py")
    with open(p, "w") as f:
        f.write(PASSING)
    rc, out, err = run([p], cwd=d)
    check(rc == 0, "passing suite exits 0", (rc, out, err))
    check("test_one (__main__.T) ... ok" in out, "per-test line", out)
    check("skipped 'later'" in out, "skip reported", out)
    check("Ran 3 tests" in out and "OK (skipped=1)" in out, "summary OK", out)
    check(out.rstrip().endswith("after main"), "main() returns when all pass", out)

    p = os.path.join(d, "t_fail.py")
    with open(p, "w") as f:
        f.write(FAILING)
    rc, out, err = run([p], cwd=d)
    check(rc == 1, "failing suite exits 1", (rc, out, err))
    check("FAIL: test_bad (__main__.A)" in out and "AssertionError: 3 != 4" in out, "failure detail", out)
    check("ERROR: test_error (__main__.A)" in out and "ValueError: boom" in out, "error detail", out)
    check("Ran 3 tests" in out and "FAILED (failures=1, errors=1)" in out, "summary FAILED", out)
    check("not reached" not in out, "main() exits on failure", out)

    # frozen modules import from an empty directory; their __file__ is the frozen path
    rc, out, err = run(["-c", "import asyncio, unittest, asyncio.core\nprint(asyncio.__file__, asyncio.core.__file__, unittest.__file__)"], cwd=d)
    check(rc == 0 and out == "asyncio/__init__.py asyncio/core.py unittest/__init__.py\n", "frozen import and __file__", (rc, out, err))
    rc, out, err = run(["-c", "import sys\nprint(sys.path[1])\nsys.path.remove('.frozen')\nimport asyncio"], cwd=d)
    check(rc == 1 and out == ".frozen\n" and "No module named 'asyncio'" in err, "no '.frozen' on sys.path: no frozen modules", (rc, out, err))
    # a file earlier on sys.path shadows the frozen module, as in MicroPython
    with open(os.path.join(d, "unittest.py"), "w") as f:
        f.write("print('local unittest')\n")
    rc, out, err = run(["-c", "import unittest"], cwd=d)
    check(rc == 0 and out == "local unittest\n", "sys.path order: '' before '.frozen'", (rc, out, err))
    rc, out, err = run(["-c", "import sys\nsys.path.remove('.frozen')\nsys.path.insert(0, '.frozen')\nimport unittest\nprint(unittest.__file__)"], cwd=d)
    check(rc == 0 and out == "unittest/__init__.py\n", "'.frozen' first: frozen wins", (rc, out, err))

    # asyncio from the command line: a real sleep, the result of run()
    rc, out, err = run(["-c", "import asyncio, time\nasync def m():\n    t = time.ticks_ms()\n    await asyncio.sleep_ms(30)\n    return time.ticks_diff(time.ticks_ms(), t) >= 25\nprint(asyncio.run(m()))"], cwd=d)
    check(rc == 0 and out == "True\n", "asyncio sleep takes host time", (rc, out, err))
    # an unretrieved task exception goes to the exception handler (stderr)
    rc, out, err = run(["-c", "import asyncio\nasync def bad():\n    raise ValueError('lost')\nasync def m():\n    asyncio.create_task(bad())\n    await asyncio.sleep(0.01)\n    print('main done')\nasyncio.run(m())"], cwd=d)
    check(rc == 0 and out == "main done\n" and "Task exception wasn't retrieved" in err and "ValueError: lost" in err,
          "unretrieved task exception reported", (rc, out, err))
    # a deadlocked program gets an error instead of hanging
    rc, out, err = run(["-c", "import asyncio\nasync def m():\n    await asyncio.Event().wait()\nasyncio.run(m())"], cwd=d, timeout=10)
    check(rc == 1 and "RuntimeError" in err, "deadlock -> RuntimeError", (rc, out, err))

done()
