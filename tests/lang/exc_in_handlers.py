import sys
def show():
    t, v, tb = sys.exc_info()
    return t.__name__ if t else None
try:
    raise ValueError("a")
except ValueError:
    print("in handler", show())
print("after handler", show())
try:
    try:
        raise KeyError("first")
    except KeyError:
        raise ValueError("second")
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__)
try:
    try:
        raise KeyError("first")
    except KeyError as ke:
        raise ValueError("second") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)
def gen_exc():
    try:
        yield 1
        raise RuntimeError("in gen")
    except RuntimeError as e:
        yield "caught " + str(e)
print(list(gen_exc()))
class E(Exception):
    pass
class F(E):
    pass
for cls in (E, F, Exception):
    try:
        raise cls("x")
    except F:
        print("F branch", cls.__name__)
    except E:
        print("E branch", cls.__name__)
    except Exception:
        print("Exception branch", cls.__name__)
