def risky(n):
    if n == 0:
        raise ValueError("zero")
    return 10 // n
results = []
for n in [2, 0, 5, None]:
    try:
        results.append(risky(n))
    except ValueError as e:
        results.append("VE:" + str(e))
    except TypeError as e:
        results.append("TE")
print(results)
def reraiser():
    try:
        {}["x"]
    except KeyError:
        print("logging")
        raise
try:
    reraiser()
except KeyError as e:
    print("outer got", repr(e))
try:
    raise (ValueError, TypeError)[1]("from tuple")
except (ValueError, TypeError) as e:
    print(type(e).__name__, e)
def deep(n):
    if n == 0:
        raise OSError(2, "No such file")
    deep(n - 1)
try:
    deep(50)
except OSError as e:
    print(e, e.args, e.errno)
try:
    assert 1 == 2, "math broke"
except AssertionError as e:
    print("AssertionError", e)
try:
    int("abc")
except ValueError as e:
    print(e)
try:
    None.foo
except AttributeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
try:
    raise StopIteration(5)
except StopIteration as e:
    print("stop", e.value)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(Exception, BaseException))
