"""The documentation's `./breadboard ...` command lines (README.md and
docs/*.md ```sh blocks) still run: tools/check_docs.py runs each one (with
--speed max, and --until 2s when it sets no end) and fails on a usage error,
a crash or an unexpected non-zero status."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cliutil import BIN, check, done  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
p = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "check_docs.py"), "--bin", BIN],
                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
out = p.stdout.decode("utf-8", "replace")
summary = out.strip().splitlines()[-1] if out.strip() else ""
ran = int(summary.split()[1]) if summary.startswith("docs:") else 0
check(p.returncode == 0 and ran >= 8, "every runnable doc command runs (%s)" % summary, out[-2000:])
done()
