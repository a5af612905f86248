"""Helpers for the command-line tests: run the binary, assert, report."""
import os
import subprocess
import sys

BIN = os.environ.get("BREADBOARD") or os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", "..", "breadboard"))
SANITIZER = bool(os.environ.get("BREADBOARD_SANITIZER"))
_failures = []


def run(args, stdin=None, cwd=None, env=None, timeout=30):
    e = dict(os.environ)
    if env:
        e.update(env)
    p = subprocess.run([BIN] + args, input=stdin, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, cwd=cwd, env=e, timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def check(cond, what, detail=""):
    if cond:
        print("ok  ", what)
    else:
        print("FAIL", what, detail)
        _failures.append(what)


def done():
    print("%d checks failed" % len(_failures))
    sys.exit(1 if _failures else 0)
