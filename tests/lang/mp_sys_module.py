# oracle: micropython
# sys attributes as MicroPython has them
import sys
print(sys.implementation.name, type(sys.implementation.version), len(sys.implementation.version))
print(sys.implementation.version[0] >= 1, type(sys.implementation._machine))
print(sys.version.startswith("3.4.0; "), sys.version_info, sys.version_info[:2] >= (3, 4))
print(type(sys.platform), sys.byteorder in ("little", "big"))
print(sys.maxsize > 2 ** 30, sys.maxsize + 1 > sys.maxsize)
print(type(sys.path), type(sys.argv), type(sys.modules))
print(sys.ps1, sys.ps2)
print(sys.stdout.write("abc\n"))
sys.stdout.write("no newline")
sys.stdout.write("\n")
print(hasattr(sys.stdout, "buffer"), hasattr(sys.stdin, "readline"))
print(sys.exit is sys.exit, callable(sys.print_exception))
for code in (None, 0, 3, "text", (1, 2)):
    try:
        sys.exit() if code is None else sys.exit(code)
    except SystemExit as e:
        print("SystemExit", e.args)
try:
    raise SystemExit(4)
except SystemExit as e:
    print(e.args)
import builtins
print(builtins.len("abc"), builtins.print is print)
import micropython
print(type(micropython.stack_use()), micropython.const(7))
print(micropython.opt_level(1), micropython.opt_level())
micropython.opt_level(0)
print(micropython.kbd_intr(-1), micropython.kbd_intr(3))
import gc
print(gc.collect(), gc.isenabled(), gc.threshold() if False else "threshold")
print(gc.mem_free() > 0, gc.mem_alloc() > 0)
gc.threshold(10000)
print(gc.threshold())
gc.threshold(-1)
