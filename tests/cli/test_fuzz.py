"""Mutated programs never crash the interpreter (issue: robustness).

Takes the programs of tests/lang, mutates them at the token and line level
(delete, duplicate, swap, insert, replace; lines too; the odd byte) with a
fixed seed, runs each mutant and checks that it ends as a Python program
does: a normal exit or a Python exception (status 1, last stderr line
`Name: message`), never a signal, a sanitizer report or a hang.  A mutant
may loop forever legitimately (`i += 1` -> `i -= 1`): one that times out is
counted only when CPython finishes the same text quickly.

Bounded for the sanitizer build (well under 60 s on two cores).  For a long
hunt: FUZZ_N=5000 FUZZ_SEED=7 python3 tests/cli/test_fuzz.py
"""
import concurrent.futures
import glob
import io
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import tokenize
from cliutil import BIN, SANITIZER, check, done

HERE = os.path.dirname(os.path.abspath(__file__))
LANG = os.path.join(HERE, "..", "lang")
SEED = int(os.environ.get("FUZZ_SEED", "20240611"))
N = int(os.environ.get("FUZZ_N", "1000" if SANITIZER else "1500"))
BUDGET = float(os.environ.get("FUZZ_BUDGET", "35"))  # seconds; stop early past it
TIMEOUT = 10 if SANITIZER else 5
SAN_MARKERS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:",
               "SUMMARY: UndefinedBehaviorSanitizer", "FATAL")
EXC_LINE = re.compile(r"^[A-Za-z_][\w.]*(: .*)?$")
SKIP = ("sys_", "mp_sys", "input", "stdin")  # programs that poke the process itself


def tokens(src):
    """(start, end) offsets of the tokens of src, or None if CPython cannot tokenize it."""
    lines = src.splitlines(keepends=True)
    starts = [0]
    for ln in lines:
        starts.append(starts[-1] + len(ln))
    out = []
    try:
        for t in tokenize.generate_tokens(io.StringIO(src).readline):
            if t.type in (tokenize.ENDMARKER, tokenize.DEDENT, tokenize.INDENT):
                continue
            (l1, c1), (l2, c2) = t.start, t.end
            if l1 - 1 >= len(lines) or l2 - 1 >= len(lines):
                continue
            a, b = starts[l1 - 1] + c1, starts[l2 - 1] + c2
            if b > a:
                out.append((a, b))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return None
    return out


def mutate(rng, src, toks):
    """One to three edits of src."""
    for _ in range(rng.randint(1, 3)):
        kind = rng.random()
        if toks and kind < 0.6:
            a, b = toks[rng.randrange(len(toks))]
            if b > len(src):
                continue
            op = rng.randrange(5)
            if op == 0:  # delete
                src = src[:a] + src[b:]
            elif op == 1:  # duplicate
                src = src[:b] + " " + src[a:b] + src[b:]
            elif op == 2:  # replace with another token of the file
                c, d = toks[rng.randrange(len(toks))]
                src = src[:a] + src[c:d] + src[b:]
            elif op == 3:  # insert a token from a fixed menu
                src = src[:a] + rng.choice(["(", ")", "[", "]", "{", "}", ":", ",", "*", "**", "=", "lambda",
                                            "yield", "not", "await", "\\", "'", '"""', "\n", "\t", " ",
                                            "0x", "1e", "9" * 30, "@", "del", "return", "class",
                                            "global x", "nonlocal x", "f'{", "}", "..."]) + src[a:]
            else:  # swap with the next token
                i = toks.index((a, b))
                if i + 1 < len(toks):
                    c, d = toks[i + 1]
                    if d <= len(src) and c >= b:
                        src = src[:a] + src[c:d] + src[b:c] + src[a:b] + src[d:]
            toks = None  # offsets are stale now: later edits work on lines
        elif kind < 0.9:
            lines = src.splitlines(keepends=True)
            if not lines:
                continue
            i = rng.randrange(len(lines))
            op = rng.randrange(4)
            if op == 0:
                del lines[i]
            elif op == 1:
                lines.insert(i, lines[i])
            elif op == 2:
                j = rng.randrange(len(lines))
                lines[i], lines[j] = lines[j], lines[i]
            else:  # re-indent
                lines[i] = rng.choice(["", " ", "\t", "    " * rng.randint(1, 3)]) + lines[i].lstrip()
            src = "".join(lines)
        else:
            b = bytearray(src.encode("utf-8", "surrogatepass"))
            if b:
                b[rng.randrange(len(b))] = rng.randrange(256)
            return bytes(b)
        if toks is None:
            toks = []
    return src.encode("utf-8", "surrogatepass")


def classify(rc, err):
    """None if the run ended as a Python program may, else what is wrong."""
    if rc == "timeout":
        return "timeout"
    if rc < 0:
        return "signal %d" % -rc
    if any(m in err for m in SAN_MARKERS):
        return "sanitizer/fatal report"
    if rc != 1:
        return None  # 0, or a SystemExit(n) the mutant raised itself
    last = err.rstrip("\n").rsplit("\n", 1)[-1]
    if EXC_LINE.match(last):
        return None
    return "status 1 without an exception line: %r" % last[-200:]


def run(path, binary, timeout):
    try:
        p = subprocess.run([binary, os.path.basename(path)], cwd=os.path.dirname(path),
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
        return p.returncode, p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return "timeout", ""


def one(job):
    i, data, d = job
    path = os.path.join(d, "fz%d.py" % i)
    with open(path, "wb") as f:
        f.write(data)
    rc, err = run(path, BIN, TIMEOUT)
    why = classify(rc, err)
    if why == "timeout":
        # a real infinite loop in the mutant is fine: ask CPython
        crc, cerr = run(path, sys.executable, 3)
        if crc == "timeout" or "ModuleNotFoundError" in cerr or "ImportError" in cerr:
            why = None  # loops in CPython too, or CPython cannot tell (micropython-only modules)
    return i, why, err[-1500:]


def main():
    rng = random.Random(SEED)
    progs = []
    for p in sorted(glob.glob(os.path.join(LANG, "*.py"))):
        if any(s in os.path.basename(p) for s in SKIP):
            continue
        with open(p, encoding="utf-8") as f:
            src = f.read()
        if len(src) > 6000:  # keep each run short
            continue
        progs.append((os.path.basename(p), src, tokens(src) or []))
    jobs = []
    names = {}
    for i in range(N):
        name, src, toks = progs[rng.randrange(len(progs))]
        jobs.append(mutate(rng, src, toks))
        names[i] = name
    bad = []
    t0 = time.time()
    ran = 0
    with tempfile.TemporaryDirectory() as d, concurrent.futures.ThreadPoolExecutor(2) as ex:
        futs = []
        for i, data in enumerate(jobs):
            futs.append(ex.submit(lambda j: None if time.time() - t0 > BUDGET else one(j), (i, data, d)))
        for fu in futs:
            r = fu.result()
            if r is None:
                continue
            ran += 1
            i, why, err = r
            if why:
                keep = os.path.join(tempfile.gettempdir(), "bb_fuzz_%d_%d.py" % (SEED, i))
                with open(keep, "wb") as f:
                    f.write(jobs[i])
                bad.append(i)
                print("   mutant %d of %s: %s (kept as %s)\n%s" % (i, names[i], why, keep, err[-800:]))
    check(ran >= min(N, 40), "fuzz ran enough mutants (%d of %d in %.0f s)" % (ran, N, time.time() - t0))
    check(not bad, "%d mutated programs end in a Python error or normally, never a crash/hang" % ran,
          "bad: %s" % bad)
    done()


if __name__ == "__main__":
    main()
