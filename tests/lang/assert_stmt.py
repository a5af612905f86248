# assert statement
assert True
assert 1 == 1, "never shown"
try:
    assert False
except AssertionError as e:
    print("AssertionError", e.args)
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print("AssertionError", e)
try:
    assert [], ("tuple", "message")
except AssertionError as e:
    print(e.args)
calls = []
def msg():
    calls.append(1)
    return "lazy"
assert True, msg()
print("message evaluated:", len(calls))
try:
    assert 0, msg()
except AssertionError as e:
    print(e, len(calls))
def check(x):
    assert isinstance(x, int), "expected int, got %s" % type(x).__name__
    return x * 2
for v in (3, "3", 2.0):
    try:
        print(check(v))
    except AssertionError as e:
        print(e)
print(issubclass(AssertionError, Exception))
x = (1, 2)
assert x, "non-empty tuple is truthy"
print("done")
