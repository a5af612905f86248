# oracle: micropython
# sys.print_exception's message line, MicroPython style (exceptions that were
# never raised have no traceback, so no file names appear)
import sys

class MyErr(Exception):
    pass

class E2(ValueError):
    def __str__(self):
        return "custom"

sys.print_exception(RuntimeError("never raised"))
sys.print_exception(ValueError())
sys.print_exception(MyErr())
sys.print_exception(MyErr("a", 2), sys.stdout)
sys.print_exception(MyErr("x"))
sys.print_exception(E2("q"))
sys.print_exception(KeyError("k"))
sys.print_exception(KeyError(1, 2))
sys.print_exception(StopIteration(3))
sys.print_exception(ValueError(""))
sys.print_exception(IndexError([1, "s"]))
print("done")
