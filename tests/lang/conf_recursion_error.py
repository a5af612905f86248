# deep recursion raises RecursionError, a RuntimeError
def r(n):
    return r(n + 1)
try:
    r(0)
except RecursionError as e:
    print('RecursionError', isinstance(e, RuntimeError))
def r2(n):
    return [r2(n + 1)]
try:
    r2(0)
except RuntimeError as e:
    print(type(e).__name__)
class Rec:
    def __repr__(self):
        return repr(self)
try:
    repr(Rec())
except RecursionError:
    print('repr RecursionError')
print(issubclass(RecursionError, RuntimeError))
