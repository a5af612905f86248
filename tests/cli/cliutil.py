"""Helpers for the command-line tests: run the binary, assert, report."""
import os
import re
import subprocess
import sys
import tempfile

BIN = os.environ.get("BREADBOARD") or os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", "..", "breadboard"))
SANITIZER = bool(os.environ.get("BREADBOARD_SANITIZER"))
SAN_MARKERS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:",
               "SUMMARY: UndefinedBehaviorSanitizer")  # as tests/run.py
_failures = []


def run(args, stdin=None, cwd=None, env=None, timeout=30):
    e = dict(os.environ)
    if env:
        e.update(env)
    p = subprocess.run([BIN] + args, input=stdin, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, cwd=cwd, env=e, timeout=timeout)
    err = p.stderr.decode("utf-8", "replace")
    # under --sanitizer a report fails the test even when the checks that
    # follow look only at the output or expect a non-zero status
    if SANITIZER and any(m in err for m in SAN_MARKERS):
        check(False, "sanitizer report running %r" % (args[-3:],), err[-3000:])
    return p.returncode, p.stdout.decode("utf-8", "replace"), err


def check(cond, what, detail=""):
    if cond:
        print("ok  ", what)
    else:
        print("FAIL", what, detail)
        _failures.append(what)


def done():
    print("%d checks failed" % len(_failures))
    sys.exit(1 if _failures else 0)


# --- scratch files ---------------------------------------------------------

def scratch(prefix):
    """A fresh scratch folder for one test script and a writer into it:
    TMP, write = scratch("bb-x-"); write(name, text, mode="w") -> path."""
    tmp = tempfile.mkdtemp(prefix=prefix)

    def write(name, text, mode="w"):
        p = os.path.join(tmp, name)
        with open(p, mode) as f:
            f.write(text)
        return p
    return tmp, write


# --- --trace logs ----------------------------------------------------------

_TRACE_LINE = re.compile(r"(\d+)\.(\d{9}) (\S+) (.*)$")


def parse_trace(text):
    """The event lines of a --trace log -> [(time ns, source, event)]."""
    out = []
    for line in text.split("\n"):
        m = _TRACE_LINE.match(line)
        if m:
            out.append((int(m.group(1)) * 10**9 + int(m.group(2)), m.group(3), m.group(4)))
    return out


def read_trace(path):
    """parse_trace of a --trace file."""
    with open(path) as f:
        return parse_trace(f.read())


def trace_edges(text, name):
    """-> [(time ns, level)] of pad `name`'s high/low lines in a --trace log."""
    return [(t, 1 if e == "high" else 0) for t, s, e in parse_trace(text)
            if s == name and e in ("high", "low")]


# --- VCD files -------------------------------------------------------------

class Vcd:
    """A VCD file the board wrote (bd_vcd.c), read back.
    head     the text before $enddefinitions (the declarations)
    ids      {signal name: identifier code}
    times    every timestamp of the body, in file order
    initial  {name: (time ns, value)} from the $dumpvars section
    changes  {name: [(time ns, value)]} after it
    Values are 0/1 as ints (x/z, which the board never writes, as their letter)."""

    def __init__(self, path):
        with open(path) as f:
            text = f.read()
        self.head, _, body = text.partition("$enddefinitions")
        self.ids = {m.group(2): m.group(1)
                    for m in re.finditer(r"\$var\s+\S+\s+\d+\s+(\S+)\s+(\S+)", self.head)}
        name_of = {i: n for n, i in self.ids.items()}
        self.times, self.initial, self.changes = [], {}, {n: [] for n in self.ids}
        t, dumping = 0, False
        for tok in body.split():
            if tok == "$dumpvars":
                dumping = True
            elif tok == "$end":
                dumping = False
            elif tok.startswith("#"):
                t = int(tok[1:])
                self.times.append(t)
            elif tok[0] in "01xzXZ" and tok[1:] in name_of:
                v = int(tok[0]) if tok[0] in "01" else tok[0]
                if dumping:
                    self.initial[name_of[tok[1:]]] = (t, v)
                else:
                    self.changes[name_of[tok[1:]]].append((t, v))

    def signals(self):
        """{name: [(time ns, value)]}, each starting with its initial value."""
        return {n: ([self.initial[n]] if n in self.initial else []) + c for n, c in self.changes.items()}


def parse_vcd(path):
    """{signal name: [(time ns, value), ...]}, the initial value first."""
    return Vcd(path).signals()


def level_at(changes, t, default=None):
    """A signal's value just after time t, from [(time, value)] in time
    order (`default` before its first)."""
    v = default
    for tc, vc in changes:
        if tc > t:
            break
        v = vc
    return v
