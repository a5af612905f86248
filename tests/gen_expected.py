#!/usr/bin/env python3
"""Regenerates the expected output of every test program from its oracle.

CPython (python3) is the oracle for the language; files whose first lines say
`# oracle: micropython` are run on real MicroPython (the npm package
@micropython/micropython-webassembly-pyscript, installed on demand under
tests/.oracle/).  Never edit a .exp file by hand: change the test and rerun
`make expected` (or `python3 tests/gen_expected.py [substring ...]`).
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NPM_PKG = "@micropython/micropython-webassembly-pyscript"
ORACLE_DIR = os.path.join(HERE, ".oracle")
MPY = os.path.join(ORACLE_DIR, "node_modules", NPM_PKG, "micropython.mjs")


def oracle_of(path):
    with open(path, "rb") as f:
        head = f.read(400).decode("utf-8", "replace").splitlines()[:3]
    return "micropython" if any(l.startswith("# oracle: micropython") for l in head) else "cpython"


def ensure_micropython():
    if not os.path.exists(MPY):
        os.makedirs(ORACLE_DIR, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", ORACLE_DIR, NPM_PKG], check=True)
    return MPY


def main():
    filters = sys.argv[1:]
    count = 0
    for suite in ("lang", "modules"):
        d = os.path.join(HERE, suite)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if not name.endswith(".py") or name.startswith("_"):
                continue
            path = os.path.join(d, name)
            if filters and not any(f in path for f in filters):
                continue
            if oracle_of(path) == "micropython":
                cmd = ["node", ensure_micropython(), name]
            else:
                cmd = [sys.executable, name]
            env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")
            p = subprocess.run(cmd, cwd=d, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               stdin=subprocess.DEVNULL, env=env, timeout=60)
            if p.returncode != 0 or b"Traceback (most recent call last)" in p.stdout:
                print("warning: %s exited %d under its oracle:\n%s" %
                      (name, p.returncode, p.stderr.decode()[-500:]))
            with open(path + ".exp", "wb") as f:
                f.write(p.stdout)
            count += 1
    print("generated %d expected outputs" % count)


if __name__ == "__main__":
    main()
