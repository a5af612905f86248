try:
    1 / 0
except ZeroDivisionError as e:
    print("caught", type(e).__name__, e, e.args)
try:
    raise ValueError("bad", 42)
except ValueError as e:
    print(e.args, str(e), repr(e))
try:
    [][1]
except LookupError as e:
    print("LookupError", type(e).__name__)
def f():
    try:
        return "try"
    finally:
        print("finally runs")
print(f())
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("fin", i)
    return i
print(g())
try:
    try:
        raise KeyError("k")
    except KeyError:
        raise TypeError("t")
except TypeError as e:
    print("chained", type(e.__context__).__name__)
try:
    raise RuntimeError("x") from ValueError("y")
except RuntimeError as e:
    print("cause", repr(e.__cause__))
try:
    try:
        raise ValueError
    finally:
        print("cleanup")
except ValueError:
    print("propagated")
try:
    pass
except Exception:
    print("no")
else:
    print("else runs")
finally:
    print("finally too")
class MyErr(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code
try:
    raise MyErr(7)
except Exception as e:
    print(type(e).__name__, e, e.code, isinstance(e, MyErr))
try:
    raise
except RuntimeError as e:
    print("RuntimeError")
e = None
try:
    raise IndexError
except IndexError as e:
    pass
try:
    print(e)
except NameError:
    print("e deleted")
