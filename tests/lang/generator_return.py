def g():
    yield 1
    return 2
it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("return value", e.value)
def outer():
    r = yield from g()
    print("delegated result", r)
    yield r * 10
print(list(outer()))
def empty():
    return
    yield
print(list(empty()))
