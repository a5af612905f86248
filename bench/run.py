#!/usr/bin/env python3
"""Runs every bench/*.py under python3 and under breadboard in the same run and
prints wall-time per program, the ratio breadboard/python3 (below 1.0 means
Breadboard is faster) and the geometric mean of the ratios.  Each program is
run `--repeat` times and the best time kept; outputs must agree."""
import argparse
import math
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def best_time(cmd, repeat):
    best, out = None, None
    for _ in range(repeat):
        t0 = time.perf_counter()
        p = subprocess.run(cmd, cwd=HERE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        dt = time.perf_counter() - t0
        if p.returncode != 0:
            return None, p.stderr.decode(errors="replace")[-400:]
        best = dt if best is None else min(best, dt)
        out = p.stdout
    return best, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="./breadboard")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("filter", nargs="*")
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    names = sorted(n for n in os.listdir(HERE) if n.startswith("bm_") and n.endswith(".py"))
    if args.filter:
        names = [n for n in names if any(f in n for f in args.filter)]
    ratios = []
    print("%-22s %10s %12s %8s" % ("program", "python3 s", "breadboard s", "ratio"))
    for n in names:
        tp, outp = best_time([sys.executable, n], args.repeat)
        tb, outb = best_time([binary, n], args.repeat)
        if tp is None or tb is None:
            print("%-22s failed: %s" % (n, (outb if tb is None else outp)))
            continue
        note = "" if outp == outb else "  (output differs!)"
        r = tb / tp
        ratios.append(r)
        print("%-22s %10.3f %12.3f %8.2f%s" % (n, tp, tb, r, note))
    if ratios:
        g = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print("geometric mean ratio (breadboard/python3): %.2f over %d programs" % (g, len(ratios)))
    # The board: virtual time must cost (almost) no host time, and a pin
    # toggled in a tight loop must be recorded fast.  Breadboard only.
    t, _ = best_time([binary, "--speed", "max", "-c", "import time; time.sleep(3600)"], 5)
    if t is not None:
        print("board: time.sleep(3600) at --speed max     %8.2f ms wall" % (t * 1000))
    n = 2000000
    vcd = os.path.join(HERE, ".bench.vcd")
    toggle = "from machine import Pin\np = Pin('LED', Pin.OUT)\nfor i in range(%d):\n    p.toggle()\n" % n
    t, _ = best_time([binary, "--speed", "max", "--vcd", vcd, "-c", toggle], 3)
    if os.path.exists(vcd):
        os.remove(vcd)
    if t is not None:
        print("board: pin toggles recorded to --vcd       %8.2f M edges per wall second" % (n / t / 1e6))
    # Start-up: `-c pass`, best of 20.
    for label, cmd in (("python3 -c pass", [sys.executable, "-c", "pass"]),
                       ("breadboard -c pass", [binary, "-c", "pass"])):
        t, _ = best_time(cmd, 20)
        if t is not None:
            print("start-up %-20s %.2f ms" % (label, t * 1000))


if __name__ == "__main__":
    main()
