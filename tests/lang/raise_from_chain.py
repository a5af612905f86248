# raise ... from ..., __cause__, __context__, __suppress_context__
def convert(s):
    try:
        return int(s)
    except ValueError as e:
        raise TypeError("not a number: " + s) from e

try:
    convert("abc")
except TypeError as e:
    print(e)
    print(type(e.__cause__).__name__, e.__cause__ is e.__context__)

try:
    try:
        raise KeyError("first")
    except KeyError:
        raise RuntimeError("second")
except RuntimeError as e:
    print(repr(e), repr(e.__context__), e.__cause__)

try:
    try:
        raise KeyError("hidden")
    except KeyError:
        raise ValueError("clean") from None
except ValueError as e:
    print(repr(e), e.__cause__, e.__suppress_context__)

try:
    raise IndexError("a") from OSError("b")
except IndexError as e:
    print(repr(e), repr(e.__cause__), e.__context__)

err = ValueError("plain")
print(err.__cause__, err.__context__)

def deep():
    try:
        try:
            raise ZeroDivisionError("one")
        except ZeroDivisionError:
            raise NameError("two")
    except NameError:
        raise LookupError("three")
try:
    deep()
except LookupError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(repr(cur))
        cur = cur.__context__
    print(chain)

try:
    raise ValueError("x") from KeyError
except ValueError as e:
    print(type(e.__cause__).__name__)

class Custom(Exception):
    pass
try:
    try:
        {}["missing"]
    except KeyError as ke:
        raise Custom("wrapped") from ke
except Custom as c:
    print(c, type(c.__cause__).__name__)

try:
    raise ValueError("v") from 5
except TypeError as e:
    print(type(e).__name__)
