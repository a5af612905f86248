"""Unknown keyword arguments: the machine and pyb functions answer as the
ports' native argument parser does (TypeError "extra keyword arguments
given", e.g. esp32's Pin.irq, which has no `hard`), while Python-level
functions keep naming the keyword (docs/board.md, "machine")."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from cliutil import run, check, done  # noqa: E402

PROG = r"""
from machine import Pin
def t(what, f):
    try:
        f()
        print(what, "accepted")
    except TypeError as e:
        print(what, "TypeError", e)
%s
def g(x):
    pass
t("python", lambda: g(y=1))
"""

CASES = {
    "nano-esp32": """
import machine
t("irq hard", lambda: Pin(5, Pin.IN).irq(lambda p: 0, Pin.IRQ_FALLING, hard=True))
t("irq wake", lambda: Pin(5, Pin.IN).irq(lambda p: 0, Pin.IRQ_FALLING, wake=None))
t("pin init", lambda: Pin(5, Pin.IN, bogus=1))
t("I2C", lambda: machine.I2C(0, scl=Pin(12), sda=Pin(11), bogus=1))
t("PWM", lambda: machine.PWM(Pin(5), freq=1000, bogus=1))
t("Timer", lambda: machine.Timer(0, period=10, bogus=1))
t("WDT", lambda: machine.WDT(bogus=1))
t("ADC", lambda: machine.ADC(Pin(1), bogus=1))
""",
    "nano-rp2040": """
import machine
t("irq hard", lambda: Pin("D2", Pin.IN).irq(lambda p: 0, Pin.IRQ_FALLING, hard=True))
t("irq wake", lambda: Pin("D2", Pin.IN).irq(lambda p: 0, Pin.IRQ_FALLING, wake=None))
t("UART", lambda: machine.UART(0, 9600, bogus=1))
t("SPI", lambda: machine.SPI(0, bogus=1))
""",
    "giga-r1": """
import pyb
t("pyb.Timer", lambda: pyb.Timer(3, freq=1000, bogus=1))
""",
}

EXPECT = {
    "nano-esp32": ["irq hard TypeError extra keyword arguments given", "irq wake accepted",
                   "pin init TypeError extra keyword arguments given",
                   "I2C TypeError extra keyword arguments given", "PWM TypeError extra keyword arguments given",
                   "Timer TypeError extra keyword arguments given", "WDT TypeError extra keyword arguments given",
                   "ADC TypeError extra keyword arguments given"],
    "nano-rp2040": ["irq hard accepted", "irq wake TypeError extra keyword arguments given",
                    "UART TypeError extra keyword arguments given", "SPI TypeError extra keyword arguments given"],
    "giga-r1": ["pyb.Timer TypeError extra keyword arguments given"],
}

for board, body in CASES.items():
    rc, out, err = run(["--board", board, "--speed", "max", "-c", PROG % body])
    lines = out.splitlines()
    check(rc == 0 and lines[:-1] == EXPECT[board],
          "%s: unknown keywords of machine/pyb functions: 'extra keyword arguments given'" % board,
          repr(lines) + err[-300:])
    check(lines[-1:] == ["python TypeError g() got an unexpected keyword argument 'y'"],
          "%s: a Python function still names the keyword" % board, repr(lines[-1:]))
done()
