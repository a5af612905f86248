"""`--trace -`: the trace shares stdout with the script's prints, in the order
things happened on the virtual clock, whether stdout is a pipe or a file, and
the trace lines are not the program's output (--expect-text does not see
them)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cliutil import check, done, run, scratch  # noqa: E402

TMP, write = scratch("bb-tracestdout-")

SCRIPT = write("order.py", """
from machine import Pin
import time
p = Pin(5, Pin.OUT)
for i in range(200):
    print("before", i)
    p.toggle()
    print("after", i)
    time.sleep_us(100)
""")

rc, out, err = run(["--speed", "max", "--trace", "-", SCRIPT])
lines = out.splitlines()
edges = [i for i, l in enumerate(lines) if l.endswith((" high", " low"))]
check(rc == 0 and len(edges) == 200, "200 edges traced on stdout", (rc, len(edges), err))
ordered = all(lines[e - 1] == "before %d" % k and lines[e + 1] == "after %d" % k
              for k, e in enumerate(edges))
check(ordered, "each edge line stands between the prints around its toggle",
      [lines[e - 1:e + 2] for e in edges[:3]])

rc, out, err = run(["--speed", "max", "--trace", "-", "--expect-text", "D10 high", SCRIPT])
check(rc == 1 and "expected text" in err, "--expect-text does not match trace lines", (rc, err))
rc, out, err = run(["--speed", "max", "--trace", "-", "--expect-text", "after 199", SCRIPT])
check(rc == 0, "--expect-text still sees the prints", (rc, err))
done()
