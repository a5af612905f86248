"""The board's identity as its firmware reports it (docs/board.md, "Boards"):
sys.platform, sys.implementation (_machine, _build), os.uname(), and the
arduino module recognising the board from _machine."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from cliutil import run, check, done  # noqa: E402

BOARDS = {
    # name: (sys.platform, _machine, _build)
    "nano-rp2040": ("rp2", "Arduino Nano RP2040 Connect with RP2040", "ARDUINO_NANO_RP2040_CONNECT"),
    "rpi-pico": ("rp2", "Raspberry Pi Pico with RP2040", "RPI_PICO"),
    "nano-esp32": ("esp32", "Arduino Nano ESP32 with ESP32S3", "ARDUINO_NANO_ESP32"),
    "giga-r1": ("pyboard", "Arduino GIGA R1 WiFi with STM32H747", "ARDUINO_GIGA"),
    "portenta-h7": ("pyboard", "Arduino Portenta H7 with STM32H747", "ARDUINO_PORTENTA_H7"),
}

PROG = r"""
import sys, os
u = os.uname()
print(repr(sys.platform), repr(sys.implementation.name), repr(sys.implementation._machine))
print(repr(sys.implementation._build), sys.implementation.version[:3])
print(repr(u.sysname), repr(u.nodename), repr(u.release), repr(u.machine))
print(repr(u.version))
print(u[0] == u.sysname and u[4] == u.machine, len(u))
import arduino
print('arduino', arduino.BOARD)
"""

for board, (plat, machine, build) in BOARDS.items():
    rc, out, err = run(["--board", board, "-c", PROG])
    what = "identity on %s" % board
    lines = out.splitlines()
    check(rc == 0 and len(lines) == 6, what + ": runs", out + err)
    if len(lines) != 6:
        continue
    check(lines[0] == "%r 'micropython' %r" % (plat, machine),
          what + ": sys.platform, implementation.name and _machine", lines[0])
    check(lines[1] == "%r (1, 27, 0)" % build, what + ": _build is the firmware's board name", lines[1])
    check(lines[2] == "%r %r '1.27.0' %r" % (plat, plat, machine),
          what + ": uname sysname/nodename = sys.platform, release, machine = _machine", lines[2])
    check(re.fullmatch(r"'v1\.27\.0 on \d{4}-\d\d-\d\d \(Breadboard v[\d.]+\)'", lines[3]) is not None,
          what + ": uname version 'v1.27.0 on DATE (Breadboard ...)'", lines[3])
    check(lines[4] == "True 5", what + ": uname is a 5-tuple with named fields", lines[4])
    check(lines[5] == "arduino " + board, what + ": the arduino module recognises the board", lines[5])

# the machine strings are the board table's, the same that `--board list` names
rc, out, _ = run(["--board", "list"])
for board in BOARDS:
    check(re.search(r"^%s\s" % board, out, re.M) is not None, "--board list has " + board)
done()
