#!/usr/bin/env python3
"""Runs the `./breadboard ...` command lines of the documentation's ```sh
blocks (README.md, docs/*.md) and reports the ones that fail, so a doc whose
example no longer runs is noticed.

    python3 tools/check_docs.py [--bin PATH] [-v] [FILE.md ...]

Each command runs as written, from a scratch folder that links the
repository's top-level entries (so its output files stay out of the tree), with two changes so
a `while True:` example ends and costs no wall time: `--speed max` is added
when the line sets no speed, and `--until 2s` when it sets no end
(`--until`, `--expect-text`).  A command is skipped, not failed, when a file
it names does not exist (`circuit.parts`, `firmware.py`: placeholders the
reader supplies; a `--scenario` is also looked for in the `--wokwi`
folder), when it reads the terminal (the REPL, `-i`), or when it runs a
module (`-m`).  A command fails when it exits with
status 2 (a usage error), when it crashes, or when it exits non-zero
without the doc's own line expecting that (`# ... status 1` in the
comment).  Exit status: 1 if any command failed.
"""
import argparse
import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))


def commands(md):
    """-> [(line number, command, comment)] of the ./breadboard lines of md's sh blocks."""
    out, in_sh, cont = [], False, None
    with open(md) as f:
        for n, line in enumerate(f, 1):
            s = line.rstrip("\n")
            if s.startswith("```"):
                in_sh = s.strip() in ("```sh", "```bash", "```shell") and not in_sh
                continue
            if not in_sh:
                continue
            if cont is not None:
                sep = "" if cont[1].endswith("\n") else " "
                cont = (cont[0], cont[1] + sep + (s if sep == "" else s.strip()), cont[2])
            elif s.lstrip().startswith("./breadboard") or re.match(r"^\s*\w+=\S+ \./breadboard", s):
                cont = (n, s.strip(), "")
            else:
                continue
            if cont[1].endswith("\\"):
                cont = (cont[0], cont[1][:-1].rstrip(), cont[2])
                continue
            if cont[1].count('"') % 2 or cont[1].count("'") % 2:
                # a quoted -c program spanning lines: keep its newlines
                cont = (cont[0], cont[1] + "\n", cont[2])
                continue
            cmd, comment = cont[1], ""
            if " #" in cmd and "\n" not in cmd:
                cmd, comment = cmd.split(" #", 1)
            out.append((cont[0], cmd.strip(), comment.strip()))
            cont = None
    return out


def prepare(cmd, binary):
    """-> (argv, env, why-skipped or None)."""
    try:
        words = shlex.split(cmd)
    except ValueError as e:
        return None, None, "unparsable: %s" % e
    env = dict(os.environ)
    while words and "=" in words[0] and not words[0].startswith("./"):
        k, v = words.pop(0).split("=", 1)
        env[k] = v
    if not words or words[0] != "./breadboard":
        return None, None, "not a breadboard command"
    args = words[1:]
    if not args or args == ["-i"] or "-i" in args:
        return None, None, "interactive (REPL)"
    if any(a in ("-h", "--help", "--pins") or a == "list" for a in args):
        return [binary] + args, env, None
    opts_with_value = {"--board", "--speed", "--until", "--vcd", "--trace", "--parts", "--stimulus",
                       "--expect-text", "--fail-text", "--rtc", "--diagram", "--scenario", "--wokwi",
                       "-c", "-m", "-X"}
    i = 0
    files = []
    while i < len(args):
        a = args[i].split("=", 1)[0]
        if a in opts_with_value and "=" not in args[i]:
            if a in ("--parts", "--stimulus", "--diagram", "--scenario", "--wokwi"):
                files.append(args[i + 1] if i + 1 < len(args) else "")
            i += 2
            continue
        if a.startswith("-"):
            i += 1
            continue
        files.append(args[i])  # the script; what follows is its sys.argv
        break
    if "-m" in args:
        return None, None, "runs a module the reader supplies"
    wokwi = [args[k + 1] for k, w in enumerate(args[:-1]) if w == "--wokwi"]
    for f in files:
        if f and wokwi and not os.path.exists(os.path.join(ROOT, f)):
            f = os.path.join(wokwi[0], f)  # --scenario is found in the project's folder
        if f and not os.path.exists(os.path.join(ROOT, f)):
            return None, None, "names %s, which the reader supplies" % f
    if "-c" not in args and "-m" not in args and not files and "--wokwi" not in args:
        return None, None, "reads stdin"
    extra = []
    if not any(a.split("=")[0] == "--speed" for a in args):
        extra += ["--speed", "max"]
    if not any(a.split("=")[0] in ("--until", "--expect-text") for a in args):
        extra += ["--until", "2s"]
    return [binary] + extra + args, env, None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "breadboard"))
    ap.add_argument("-v", action="store_true")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    mds = a.files or [os.path.join(ROOT, "README.md")] + sorted(glob.glob(os.path.join(ROOT, "docs", "*.md")))
    # run in a scratch folder that links the tree's top-level entries, so
    # the files the commands write (blink.vcd ...) do not land in the tree
    work = tempfile.mkdtemp(prefix="bb-docs-")
    for name in os.listdir(ROOT):
        if not name.startswith("."):
            os.symlink(os.path.join(ROOT, name), os.path.join(work, name))
    ran = skipped = failed = 0
    for md in mds:
        for n, cmd, comment in commands(md):
            where = "%s:%d" % (os.path.relpath(md, ROOT), n)
            argv, env, why = prepare(cmd, binary)
            if why:
                skipped += 1
                if a.v:
                    print("skip %s: %s (%s)" % (where, cmd, why))
                continue
            try:
                p = subprocess.run(argv, cwd=work, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, timeout=60)
                rc, err = p.returncode, p.stderr.decode("utf-8", "replace")
            except subprocess.TimeoutExpired:
                rc, err = None, "timeout"
            ran += 1
            expected_fail = re.search(r"status [1-9]|exits? (with )?(status )?[1-9]|fails", comment)
            bad = rc is None or rc < 0 or rc == 2 or (rc != 0 and not expected_fail)
            if bad:
                failed += 1
                last = [l for l in err.splitlines() if l.strip()][-1:] or [""]
                print("FAIL %s: %s -> status %s: %s" % (where, cmd, rc, last[0]))
            elif a.v:
                print("ok   %s: %s" % (where, cmd))
    shutil.rmtree(work, ignore_errors=True)
    print("docs: %d commands run, %d skipped, %d failed" % (ran, skipped, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
