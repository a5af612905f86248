"""Bad input gets a clear error, never a crash (issue: robustness)."""
import os
import random
import tempfile
from cliutil import run, check, done

rc, out, err = run(["-c", "def f(): f()\ntry:\n    f()\nexcept RuntimeError as e:\n    print('caught', e)\nprint('next')"])
check(rc == 0 and out == "caught maximum recursion depth exceeded\nnext\n", "deep recursion -> RuntimeError", (rc, out, err))

rc, out, err = run(["-c", "def f(): f()\nf()"])
check(rc == 1 and "RuntimeError: maximum recursion depth exceeded" in err, "uncaught recursion: traceback, status 1", (rc, err[-300:]))

rc, out, err = run(["-X", "heapsize=256k", "-c",
                    "try:\n    x = [0] * 10**8\nexcept MemoryError:\n    print('MemoryError')\nprint('next statement runs')"])
check(rc == 0 and out == "MemoryError\nnext statement runs\n", "heap limit -> MemoryError, then recovers", (rc, out, err))

rc, out, err = run(["-X", "heapsize=256k", "-c",
                    "l = []\ntry:\n    while True: l.append('x' * 100)\nexcept MemoryError:\n    n = len(l); l = None\n    print('MemoryError')\nprint(sum(range(10)))"])
check(rc == 0 and out == "MemoryError\n45\n", "gradual exhaustion -> MemoryError, heap usable", (rc, out, err))

rc, out, err = run(["-c", "x = (" * 5000 + ")" * 5000])
check(rc == 1 and ("SyntaxError" in err or "RuntimeError" in err or "MemoryError" in err), "deep nesting in source: clean error", (rc, err[-200:]))

rc, out, err = run(["-c", "l = []\nfor i in range(100000): l = [l]\nprint(len(str(l)) > 0)"])
check(rc in (0, 1) and ("RuntimeError" in err or rc == 0), "repr of deeply nested list: no crash", (rc, err[-200:]))

rng = random.Random(1234)
with tempfile.TemporaryDirectory() as d:
    crashes = 0
    for i in range(40):
        path = os.path.join(d, "r%d.py" % i)
        with open(path, "wb") as f:
            f.write(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400))))
        rc, out, err = run([path], timeout=10)
        if rc < 0 or rc > 2 or ("SyntaxError" not in err and rc != 0):
            crashes += 1
            print("   random file", i, "rc", rc, err[-200:])
    check(crashes == 0, "40 files of random bytes give SyntaxError, never a crash")
    # Mutated valid programs: must not crash either.
    base = "def f(a, b=2):\n    return [x * b for x in range(a) if x % 2]\nprint(f(10), {'k': (1, 2.5, 'v')})\n"
    bad = 0
    for i in range(60):
        s = list(base)
        for _ in range(rng.randrange(1, 4)):
            s[rng.randrange(len(s))] = rng.choice("()[]{}:,.=+*\n 'x0")
        path = os.path.join(d, "m%d.py" % i)
        with open(path, "w") as f:
            f.write("".join(s))
        rc, out, err = run([path], timeout=10)
        if rc < 0 or rc > 2:
            bad += 1
            print("   mutant", i, "rc", rc, err[-200:])
    check(bad == 0, "60 mutated programs: exceptions only, no crash")
done()
