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
done()
