"""Bad input gets a clear error, never a crash (issue: robustness)."""
import os
import random
import tempfile
from cliutil import run as run_bin, check, done

SAN_MARKERS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:",
               "SUMMARY: UndefinedBehaviorSanitizer")
san_reports = []


def run(args, **kw):
    """cliutil.run, also collecting sanitizer reports (they may come with any status)."""
    rc, out, err = run_bin(args, **kw)
    if any(m in err for m in SAN_MARKERS):
        san_reports.append((str(args)[:80], err[-2000:]))
    return rc, out, err


rc, out, err = run(["-c", "def f(): f()\ntry:\n    f()\nexcept RuntimeError as e:\n    print('caught', e)\nprint('next')"])
check(rc == 0 and out == "caught maximum recursion depth exceeded\nnext\n", "deep recursion -> RuntimeError", (rc, out, err))

rc, out, err = run(["-c", "def f(): f()\nf()"])
check(rc == 1 and ("RuntimeError: maximum recursion depth exceeded" in err or
                  "RecursionError: maximum recursion depth exceeded" in err), "uncaught recursion: traceback, status 1", (rc, err[-300:]))

rc, out, err = run(["-X", "heapsize=256k", "-c",
                    "try:\n    x = [0] * 10**8\nexcept MemoryError:\n    print('MemoryError')\nprint('next statement runs')"])
check(rc == 0 and out == "MemoryError\nnext statement runs\n", "heap limit -> MemoryError, then recovers", (rc, out, err))

rc, out, err = run(["-X", "heapsize=256k", "-c",
                    "l = []\ntry:\n    while True: l.append('x' * 100)\nexcept MemoryError:\n    n = len(l); l = None\n    print('MemoryError')\nprint(sum(range(10)))"])
check(rc == 0 and out == "MemoryError\n45\n", "gradual exhaustion -> MemoryError, heap usable", (rc, out, err))

rc, out, err = run(["-c", "x = (" * 5000 + ")" * 5000])
check(rc == 1 and ("SyntaxError" in err or "RuntimeError" in err or "MemoryError" in err), "deep nesting in source: clean error", (rc, err[-200:]))

rc, out, err = run(["-c", "l = []\nfor i in range(100000): l = [l]\nprint(len(str(l)) > 0)"])
check(rc in (0, 1) and ("RuntimeError" in err or "RecursionError" in err or rc == 0), "repr of deeply nested list: no crash", (rc, err[-200:]))

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
# ---------------------------------------------------------------- recursion through C paths
# Each case must end in RuntimeError (or its subclass RecursionError) or finish; the
# program goes on afterwards.  `other` marks a wrong exception kind.
REC = r"""
def t(name, f):
    try:
        f()
        print(name, 'finished')
    except RuntimeError:
        print(name, 'RE')
    except Exception as e:
        print(name, 'other', type(e).__name__, e)
def nest(mk, n=100000):
    x = mk(None)
    for i in range(n): x = mk(x)
    return x
L1 = nest(lambda x: [x]); L2 = nest(lambda x: [x])
t('repr list', lambda: repr(L1))
t('repr dict', lambda: repr(nest(lambda x: {1: x})))
t('repr tuple', lambda: repr(nest(lambda x: (x,))))
t('eq lists', lambda: L1 == L2)
t('lt lists', lambda: L1 < L2)
t('hash tuples', lambda: hash(nest(lambda x: (x,))))
class A:
    def __eq__(s, o): return s == o
    def __lt__(s, o): return s < o
    def __str__(s): return str(s)
    def __repr__(s): return repr(s)
    def __getattr__(s, n): return s.x
    def __len__(s): return len(s)
    def __iter__(s): return iter(s)
    def __hash__(s): return hash(s)
    def __bool__(s): return bool(s)
    def __getitem__(s, i): return s[i]
    def __call__(s): return s()
    def __add__(s, o): return s + o
    def __format__(s, spec): return format(s, spec)
    def __contains__(s, x): return x in s
    def __neg__(s): return -s
a = A()
t('__eq__', lambda: a == A())
t('__lt__', lambda: sorted([A(), A()]))
t('__str__', lambda: str(a))
t('__repr__', lambda: repr(a))
t('__getattr__', lambda: a.y)
t('__len__', lambda: len(a))
t('__iter__', lambda: iter(a))
t('__hash__', lambda: {a})
t('__bool__', lambda: not a)
t('__getitem__', lambda: a[0])
t('__call__', lambda: a())
t('__add__', lambda: a + 1)
t('__format__', lambda: f'{a}')
t('__contains__', lambda: 1 in a)
t('__neg__', lambda: -a)
class B:
    def __init__(s): B()
t('__init__', B)
class C:
    def __setattr__(s, n, v): setattr(s, n, v)
def setc(): C().x = 1
t('__setattr__', setc)
def k(x): return sorted([1, 2], key=k)
t('sorted key', lambda: sorted([2, 1], key=k))
def m(x): return list(map(m, [x]))
t('map', lambda: m(1))
def g(n):
    if n: yield from g(n - 1)
    else: yield 1
t('yield from chain', lambda: list(g(100000)))
def g2(n):
    if n:
        for x in g2(n - 1): yield x
    else: yield 1
t('generator chain', lambda: list(g2(100000)))
def e(): return eval('e()')
t('eval', e)
def x(): exec('x()')
t('exec', x)
def f(): f()
for i in range(3): t('plain %d' % i, f)
def fin():
    try: fin()
    finally: pass
t('finally', fin)
def kw(**k): kw(**k)
t('kwargs', lambda: kw(a=1))
print('next')
"""
rc, out, err = run(["-c", REC], timeout=60)
check(rc == 0 and out.endswith("next\n") and " other " not in out and out.count("\n") == 35,
      "recursion through C paths -> RuntimeError, program goes on", (rc, out[-1500:], err[-500:]))

# ---------------------------------------------------------------- deep source nesting
DEEP = r"""
srcs = ['x = ' + '(' * 10000 + ')' * 10000, '(' * 10000, '[' * 10000 + ']' * 10000,
        'x = ' + '-' * 100000 + '1', 'x = ' + 'not ' * 100000 + '1', 'x = ' + '1+' * 100000 + '1',
        'x = ' + '2**' * 100000 + '1', 'x = a' + '.b' * 100000, 'x = f' + '()' * 100000,
        'x = a' + '[0]' * 100000, 'x = ' + 'lambda: ' * 10000 + '1', 'x = ' + '1 if 1 else ' * 100000 + '1',
        'x = ' + '{1:' * 10000 + '1' + '}' * 10000, 'x = ' + "f'{" * 100 + '1' + "}'" * 100,
        ''.join(' ' * i + 'if 1:\n' for i in range(3000)) + ' ' * 3000 + 'pass\n',
        ''.join(' ' * i + 'def f():\n' for i in range(2000)) + ' ' * 2000 + 'pass\n',
        'x = ' + '[' * 1000 + '1' + ' for x in y]' * 1000, 'x = ' + '1 < ' * 100000 + '1']
for s in srcs:
    try:
        compile(s, 'deep', 'exec')
        print('compiled')
    except (SyntaxError, RuntimeError, MemoryError) as e:
        print(type(e).__name__)
print('next')
"""
rc, out, err = run(["-c", DEEP], timeout=60)
check(rc == 0 and out.endswith("next\n") and out.count("\n") == 19,
      "deeply nested source: SyntaxError/RuntimeError/MemoryError, no crash", (rc, out, err[-500:]))

# ---------------------------------------------------------------- memory: fail fast, then go on
MEM = r"""
def t(name, f):
    try:
        f()
        print(name, 'finished')
    except (MemoryError, OverflowError, ValueError) as e:
        print(name, type(e).__name__)
    except Exception as e:
        print(name, 'other', type(e).__name__, e)
t('list*n', lambda: [0] * 10**8)
t('str*n', lambda: 'ab' * 10**12)
t('str*2**62', lambda: 'a' * 2**62)
t('str*2**64', lambda: 'a' * 2**64)
t('list*2**62', lambda: [1, 2] * 2**62)
t('tuple*2**61', lambda: (1, 2) * 2**61)
t('bytes*2**62', lambda: b'ab' * 2**62)
t('bytearray*2**62', lambda: bytearray(b'ab') * 2**62)
t('bytes(10**12)', lambda: bytes(10**12))
t('bytearray(10**12)', lambda: bytearray(10**12))
t('10**(10**9)', lambda: 10**(10**9))
t('1<<2**62', lambda: 1 << 2**62)
t('to_bytes(2**62)', lambda: (1).to_bytes(2**62, 'big'))
t('center(2**62)', lambda: 'a'.center(2**62))
t("'%.1000000000f'", lambda: '%.1000000000f' % 1.0)
t('format width', lambda: format(1, '999999999999d'))
def grow(mk):
    l = []
    try:
        while True: l.append(mk(len(l)))
    except MemoryError:
        l = None
        return 'MemoryError'
print('strings', grow(lambda i: 'x' * 100))
d = {}
try:
    while True: d[len(d)] = 1
except MemoryError:
    d = None
    print('dict MemoryError')
x = 3
try:
    while True: x = x * x
except MemoryError:
    x = None
    print('bigint MemoryError')
print('next', sum(range(10)))
"""
rc, out, err = run(["-X", "heapsize=1m", "-c", MEM], timeout=30)
check(rc == 0 and out.endswith("next 45\n") and " other " not in out and " finished" not in out,
      "huge requests fail fast with MemoryError/OverflowError; heap usable after", (rc, out, err[-500:]))

# Filling the heap with small objects, one kind per run: the garbage
# collector scans the C stack conservatively (as MicroPython's does), so a
# stale word left there by one filled-up run may keep its list alive into the
# next; each kind therefore gets a fresh heap, and what is checked is that the
# program goes on after the MemoryError.
GROW = r"""
l = []
try:
    while True: l.append(%s)
except MemoryError:
    l = None
    print('MemoryError')
print('next', sum(range(10)))
"""
for name, mk in [("tuples", "(len(l), len(l))"), ("closures", "(lambda: l)"), ("lists", "[len(l)]")]:
    rc, out, err = run(["-X", "heapsize=1m", "-c", GROW % mk], timeout=30)
    check(rc == 0 and out == "MemoryError\nnext 45\n",
          "filling the heap with %s: MemoryError, then the program goes on" % name, (rc, out, err[-500:]))

for hs in ("1", "2k", "64k"):
    rc, out, err = run(["-X", "heapsize=" + hs, "-c", "def f(n): return f(n + 1)\ntry: f(0)\nexcept Exception as e: print(type(e).__name__)\nprint('ok')"], timeout=30)
    check(rc in (0, 1) and "FATAL" not in err and (rc == 0 or "MemoryError" in err), "tiny heap %s: runs or fails cleanly" % hs, (rc, out, err[-300:]))

rc, out, err = run(["-c", "import sys\nsys.setrecursionlimit(10**9)\ndef f(): f()\ntry: f()\nexcept RuntimeError: print('RE')\nprint('next')"], timeout=60)
check(rc == 0 and out == "RE\nnext\n", "huge recursion limit: still RuntimeError, in reasonable time", (rc, out, err[-300:]))

# ---------------------------------------------------------------- protocols abused
ABUSE = r"""
def t(name, f):
    try:
        f()
        print(name, 'finished')
    except (RuntimeError, ValueError, TypeError, OverflowError, IndexError, KeyError, AttributeError) as e:
        print(name, type(e).__name__)
def list_grow():
    l = [1, 2, 3]
    for x in l:
        if len(l) < 100: l.append(x)
def list_clear():
    l = [1, 2, 3]
    for x in l: l.clear()
def dict_add():
    d = {1: 1, 2: 2}
    for k in d: d[k + 10] = 1
def dict_del():
    d = {i: i for i in range(100)}
    for k in d: del d[k]
def set_add():
    s = {1, 2, 3}
    for x in s: s.add(x + 10)
def set_clear():
    s = set(range(100))
    for x in s: s.clear()
def ba_grow():
    b = bytearray(b'abc')
    for x in b:
        if len(b) < 50: b.extend(b'xy')
def ba_clear():
    b = bytearray(b'abcdef')
    for x in b: b.clear()
def sort_key_mutates():
    l = list(range(100))
    def k(x):
        l.append(x); l.clear(); return x
    l.sort(key=k)
def sort_cmp_mutates():
    class K:
        def __init__(s, v): s.v = v
        def __lt__(s, o):
            l.append(K(1)); del l[0]; l.extend(range(3)); return s.v < o.v
    l = [K(i % 17) for i in range(300)]
    l.sort()
class E:
    def __hash__(s): return 1
    def __eq__(s, o): st.clear(); d.clear(); l.clear(); return False
st, d, l = set(), {}, []
def set_eq_clears():
    for i in range(10): st.add(E())
    E() in st
def dict_eq_clears():
    for i in range(10): d[E()] = i
    d.get(E())
def list_eq_clears():
    l.extend(E() for i in range(10))
    l.count(1); l.index(E()) if l else 0
class H:
    def __init__(s, v): s.v = v
    def __hash__(s): return s.v
    def __len__(s): return s.v
    def __index__(s): return s.v
    def __iter__(s): return s.v
for v in ['x', 1.5, None, -1, 2**100, -2**100]:
    t('hash %r' % (v,), lambda: {H(v)})
    t('len %r' % (v,), lambda: len(H(v)))
    t('bool %r' % (v,), lambda: bool(H(v)))
    t('index %r' % (v,), lambda: [1, 2][H(v)])
    t('slice %r' % (v,), lambda: 'abc'[H(v):])
    t('iter %r' % (v,), lambda: list(H(v)))
for f in [list_grow, list_clear, dict_add, dict_del, set_add, set_clear, ba_grow, ba_clear,
          sort_key_mutates, sort_cmp_mutates, set_eq_clears, dict_eq_clears, list_eq_clears]:
    t(f.__name__, f)
def gen():
    yield next(it)
it = gen()
t('generator re-entered', lambda: next(it))
def gen2():
    it2.send(None); yield 1
it2 = gen2()
t('generator send re-entered', lambda: next(it2))
def gen3():
    yield it3.throw(KeyError)
it3 = gen3()
t('generator throw re-entered', lambda: next(it3))
print('next')
"""
rc, out, err = run(["-c", ABUSE], timeout=60)
check(rc == 0 and out.endswith("next\n") and "generator re-entered ValueError" in out and out.count("\n") == 53,
      "abused protocols and mutation during iteration: Python errors only", (rc, out[-1500:], err[-500:]))

# ---------------------------------------------------------------- odd source text
def src_case(data, what, kinds=("SyntaxError",), ok=False):
    """ok: True must run, False must fail with one of kinds, None either."""
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "s.py")
        with open(path, "wb") as f:
            f.write(data)
        rc, out, err = run([path], timeout=60)
    last = err.strip().splitlines()[-1] if err.strip() else ""
    good = (rc == 0 and ok is not False) or (rc == 1 and ok is not True and last.split(":")[0] in kinds)
    check(good, what, (rc, out[-200:], err[-300:]))

for src in ["x = " + "-" * 100000 + "1", "x = " + "1+" * 100000 + "1", "(" * 10000 + "1" + ")" * 10000]:
    src_case(src.encode(), "deep top-level source %r...: clean error" % src[:12], ("SyntaxError", "RuntimeError", "RecursionError", "MemoryError"))
src_case(b"x = '\xff\xfe'\nprint(x)\n", "invalid UTF-8 in a string: SyntaxError")
src_case(b"\xff = 1\n", "invalid UTF-8 as a name: SyntaxError")
src_case(b"# \xc3\n", "invalid UTF-8 in a comment: SyntaxError")
src_case(b"x = 1\x00\nprint(x)\n", "NUL byte in source: SyntaxError", ("SyntaxError", "ValueError"))
src_case(b"if 1:\n\tx = 1\n        y = 2\n", "tab then spaces: TabError", ("TabError", "IndentationError"))
src_case(b"if 1:\n        x = 1\n\ty = 2\n", "spaces then tab: TabError", ("TabError", "IndentationError"))
src_case(b"if 1:\n        x = 1\n    y = 2\n", "bad dedent: IndentationError", ("IndentationError",))
src_case(("x = " + "9" * 200000 + "\nprint(x % 1000)\n").encode(), "huge integer literal: runs or SyntaxError (CPython: digit limit)", ok=None)
src_case(("x = " + "1+" * 200000 + "1\nprint(x)\n").encode(), "very long line: runs or clean error",
         ("SyntaxError", "RuntimeError", "RecursionError", "MemoryError"))
src_case(("def f(" + ",".join("a%d" % i for i in range(300)) + "): return a299\nprint(f(*range(300)))\n").encode(),
         "300 parameters", ok=True)
src_case(("def f():\n" + "".join("    v%d = %d\n" % (i, i) for i in range(70000)) + "    return v69999\nprint(f())\n").encode(),
         "70000 locals: clean error", ("SyntaxError", "MemoryError"))
src_case(("x = [" + ",".join("%d.5" % i for i in range(70000)) + "]\nprint(x[-1])\n").encode(), "70000 constants", ok=True)
src_case(("".join("n%d = %d\n" % (i, i) for i in range(70000)) + "print(n69999)\n").encode(), "70000 global names", ok=True)
src_case(("def f(**k): return len(k)\nprint(f(" + ",".join("k%d=1" % i for i in range(70000)) + "))\n").encode(),
         "70000 keyword arguments: quick result or clean error", ("SyntaxError", "MemoryError"))
src_case(("x=0\nif x:\n" + "    x+=1\n" * 300000 + "print('ok')\n").encode(), "jump over 300000 statements", ok=True)

# ---------------------------------------------------------------- exits and streams
rc, out, err = run(["-c", "import sys\nsys.exit(2**100)"])
check(rc == 255 and "FATAL" not in err, "sys.exit(huge int): status 255 as CPython", (rc, err[-300:]))
rc, out, err = run(["-c", "class X:\n    def __str__(s): raise ValueError\nimport sys\nsys.exit(X())"])
check(rc == 1 and "FATAL" not in err, "sys.exit(obj whose __str__ raises): status 1", (rc, err[-300:]))
rc, out, err = run(["-c", "class E(Exception):\n    def __str__(s): raise E()\nraise E()"])
check(rc == 1 and "FATAL" not in err and "E" in err, "exception whose __str__ raises: printed anyway", (rc, err[-300:]))
rc, out, err = run(["-c", "import sys\nsys.stdout.close()\nprint('x')\nsys.stderr.close()\n1/0"])
check(rc in (0, 1) and "FATAL" not in err, "closed stdout/stderr: no crash", (rc, err[-300:]))
rc, out, err = run(["-c", "import sys\nsys.stdout = None\nsys.stderr = 5\nprint('x')\n1/0"])
check(rc == 1, "stdout/stderr replaced by junk: no crash", (rc, err[-300:]))
check(not san_reports, "no sanitizer reports in any run", san_reports[:2])
done()
