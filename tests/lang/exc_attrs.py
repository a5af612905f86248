e = ValueError("msg", 2)
print(e.args, str(e), repr(e), type(e).__name__)
print(str(KeyError("k")), repr(KeyError("k")), str(KeyError()), str(ValueError()))
print(repr(Exception()), str(Exception("one")), str(Exception(1, 2)))
print(OSError(2, "No such file").errno, str(OSError(2, "No such file")), str(OSError("plain")))
print(SystemExit(3).code, StopIteration(7).value, repr(StopIteration()))
try:
    raise TypeError
except TypeError as ex:
    print(repr(ex), ex.args)
class Custom(ValueError):
    def __str__(self): return "custom!"
print(str(Custom()), isinstance(Custom(), ValueError), Custom.__mro__[1].__name__)
x = Exception("a")
x.extra = 5
print(x.extra)
