"""The command line behaves like MicroPython's unix port."""
import os
import tempfile
from cliutil import run, check, done

rc, out, err = run(["-c", "print(6*7)"])
check(rc == 0 and out == "42\n", "-c runs code", (rc, out, err))

rc, out, err = run(["-c", "import sys; print(sys.argv)", "a", "b"])
check(rc == 0 and out.strip() in ("['-c', 'a', 'b']", "['a', 'b']"), "-c passes argv", out)

with tempfile.TemporaryDirectory() as d:
    script = os.path.join(d, "s.py")
    with open(script, "w") as f:
        f.write("import sys\nprint(sys.argv[1:])\n")
    rc, out, err = run([script, "x", "y"])
    check(rc == 0 and out == "['x', 'y']\n", "script with args", (rc, out, err))

    with open(os.path.join(d, "mymod.py"), "w") as f:
        f.write("print('as', __name__)\n")
    rc, out, err = run(["-m", "mymod"], cwd=d)
    check(rc == 0 and out == "as __main__\n", "-m runs a module as __main__", (rc, out, err))

    libdir = os.path.join(d, "lib")
    os.mkdir(libdir)
    with open(os.path.join(libdir, "libmod.py"), "w") as f:
        f.write("X = 'from MICROPYPATH'\n")
    rc, out, err = run(["-c", "import libmod; print(libmod.X)"], env={"MICROPYPATH": libdir})
    check(rc == 0 and out == "from MICROPYPATH\n", "MICROPYPATH sets sys.path", (rc, out, err))

rc, out, err = run(["-"], stdin=b"print('from stdin')\n")
check(rc == 0 and out == "from stdin\n", "- reads the script from stdin", (rc, out, err))
rc, out, err = run([], stdin=b"x = 3\nprint(x * 2)\n")
check(rc == 0 and "6" in out, "piped stdin runs", (rc, out, err))

rc, out, err = run(["-c", "1/0"])
check(rc == 1 and "Traceback (most recent call last):" in err and "ZeroDivisionError" in err,
      "uncaught exception: traceback and status 1", (rc, err))
rc, out, err = run(["-c", "import sys; sys.exit(7)"])
check(rc == 7, "SystemExit(7) gives status 7", rc)
rc, out, err = run(["-c", "raise SystemExit"])
check(rc == 0, "bare SystemExit gives 0", rc)
rc, out, err = run(["--no-such-option"])
check(rc == 2 and "usage" in (err + out).lower(), "unknown option: usage and status 2", (rc, err))
rc, out, err = run(["/no/such/file.py"])
check(rc != 0 and rc != 1 and err != "", "missing script: error message", (rc, err))
rc, out, err = run(["-X", "emit=bytecode", "-c", "print('ok')"])
check(rc == 0 and out == "ok\n", "-X emit=bytecode accepted", (rc, out, err))
rc, out, err = run(["-O", "-c", "assert False\nprint('skipped')"])
check(rc == 0 and out == "skipped\n", "-O removes asserts", (rc, out, err))
rc, out, err = run(["-c", "@micropython.native\ndef f(x): return x+1\n@micropython.viper\ndef g(x): return x*2\nprint(f(1), g(2))",
                    ])
check(rc == 0 and out == "2 4\n", "native/viper decorators run as bytecode", (rc, out, err))
rc, out, err = run(["-i", "-c", "v = 5"], stdin=b"print(v + 1)\n")
check(rc == 0 and "6" in out, "-i continues with a REPL", (rc, out, err))
with tempfile.TemporaryDirectory() as d:
    script = os.path.join(d, "tb.py")
    with open(script, "w") as f:
        f.write("def inner():\n    return 1 / 0\n\ndef outer():\n    inner()\n\nouter()\n")
    rc, out, err = run(["tb.py"], cwd=d)
    want = ('Traceback (most recent call last):\n  File "tb.py", line 7, in <module>\n'
            '  File "tb.py", line 5, in outer\n  File "tb.py", line 2, in inner\nZeroDivisionError: division by zero\n')
    check(rc == 1 and err == want, "traceback in MicroPython's format", repr(err))
# ---- MicroPython dialect: sys, micropython, start-up options
with tempfile.TemporaryDirectory() as d:
    script = os.path.join(d, "pe.py")
    with open(script, "w") as f:
        f.write("import sys\ndef f():\n    raise ValueError('v', 1)\ntry:\n    f()\nexcept ValueError as e:\n"
                "    sys.print_exception(e)\nprint('after')\n")
    rc, out, err = run(["pe.py"], cwd=d)
    want = ('Traceback (most recent call last):\n  File "pe.py", line 5, in <module>\n'
            '  File "pe.py", line 3, in f\nValueError: (\'v\', 1)\nafter\n')
    check(rc == 0 and out == want and err == "", "sys.print_exception prints to stdout", repr((out, err)))

    with open(os.path.join(d, "sched.py"), "w") as f:
        f.write("import micropython\ndef bad(x):\n    raise ValueError(x)\nflag = []\n"
                "micropython.schedule(bad, 5)\nmicropython.schedule(flag.append, 1)\n"
                "while not flag:\n    pass\nprint('continued')\n")
    rc, out, err = run(["sched.py"], cwd=d)
    check(rc == 0 and out.endswith("ValueError: 5\ncontinued\n") and 'line 3, in bad' in out,
          "a scheduled callback's exception is printed and the program goes on", repr((rc, out, err)))

    with open(os.path.join(d, "skip.py"), "w") as f:
        f.write("try:\n    import uctypes_not_here\nexcept ImportError:\n    print('SKIP')\n    raise SystemExit\n"
                "print('not reached')\n")
    rc, out, err = run(["-X", "emit=bytecode", "skip.py"], cwd=d)
    check(rc == 0 and out == "SKIP\n" and err == "", "feature probe: raise SystemExit exits 0 quietly",
          repr((rc, out, err)))

    with open(os.path.join(d, "partial.py"), "w") as f:
        f.write("for i in range(3):\n    print('line', i)\nraise KeyError('boom')\n")
    rc, out, err = run(["partial.py"], cwd=d)
    check(rc == 1 and out == "line 0\nline 1\nline 2\n" and "KeyError: 'boom'" in err,
          "output before an uncaught exception reaches a pipe", repr((rc, out, err)))

    with open(os.path.join(d, "ae.py"), "w") as f:
        f.write("import sys\ndef bye():\n    print('bye')\nprint(sys.atexit(bye))\nprint('main')\n"
                "raise SystemExit(3)\n")
    rc, out, err = run(["ae.py"], cwd=d)
    check(rc == 3 and out == "None\nmain\nbye\n", "sys.atexit runs at exit, also after SystemExit",
          repr((rc, out, err)))

    pkg = os.path.join(d, "runpkg")
    os.mkdir(pkg)
    with open(os.path.join(pkg, "__init__.py"), "w") as f:
        f.write("print('init', __name__)\n")
    with open(os.path.join(pkg, "__main__.py"), "w") as f:
        f.write("print('main of', __name__)\n")
    rc, out, err = run(["-m", "runpkg"], cwd=d)
    check(rc == 0 and out == "init runpkg\nmain of __main__\n", "-m package runs its __main__",
          repr((rc, out, err)))

    a, b = os.path.join(d, "pa"), os.path.join(d, "pb")
    os.mkdir(a)
    os.mkdir(b)
    with open(os.path.join(b, "inb.py"), "w") as f:
        f.write("WHERE = 'b'\n")
    rc, out, err = run(["-c", "import sys, inb; print(inb.WHERE, sys.path[:2])"],
                       env={"MICROPYPATH": a + ":" + b})
    check(rc == 0 and out == "b %r\n" % [a, b], "MICROPYPATH: several directories", repr((rc, out, err)))

for size in ("256k", "2M", "1m", "64wk", "100000"):
    rc, out, err = run(["-X", "heapsize=" + size, "-c", "import gc; print(gc.mem_free() > 0)"])
    check(rc == 0 and out == "True\n", "-X heapsize=" + size, repr((rc, out, err)))
rc, out, err = run(["-X", "heapsize=2M", "-c", "x = bytearray(8 * 1024 * 1024)"])
check(rc == 1 and "MemoryError" in err, "-X heapsize limits the heap", repr((rc, err)))
for bad in ("abc", "0", "12q"):
    rc, out, err = run(["-X", "heapsize=" + bad, "-c", "pass"])
    check(rc == 2 and err != "", "-X heapsize=%s rejected" % bad, repr((rc, err)))
rc, out, err = run(["-c", "import micropython\nprint('before')\nmicropython.heap_lock()\nx = [1]\n"])
check(rc == 1 and out == "before\n" and "MemoryError" in err and len(err) < 500,
      "uncaught MemoryError under heap_lock is printed once", repr((rc, out, err[:300])))
rc, out, err = run(["-c", "import sys; print(sys.implementation.name, sys.platform, sys.version[:7])"])
check(rc == 0 and out == "micropython rp2 3.4.0; \n", "sys.implementation / platform / version", repr(out))
rc, out, err = run(["-c", "import micropython\n@micropython.asm_thumb\ndef f(): pass\n"
                    "micropython.alloc_emergency_exception_buf(100)\nprint('ok')"])
check(rc == 0 and out == "ok\n", "asm_thumb and alloc_emergency_exception_buf accepted", repr((rc, out, err)))
done()
