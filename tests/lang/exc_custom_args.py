# custom exception classes: args, str, repr, attributes, hierarchy
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, name, code=404):
        super().__init__(name, code)
        self.name = name
        self.code = code
    def __str__(self):
        return "%s not found (%d)" % (self.name, self.code)
class Fatal(AppError):
    def __init__(self, msg):
        self.msg = msg

e = AppError()
print(e.args, repr(e), str(e) == "")
e = AppError("one")
print(e.args, repr(e), str(e))
e = AppError("one", 2)
print(e.args, repr(e), str(e))
nf = NotFound("page")
print(nf.args, str(nf), nf.name, nf.code, repr(nf))
f = Fatal("bad")
print(f.args, f.msg)

for exc in (NotFound("x"), Fatal("y"), AppError("z"), ValueError("w")):
    try:
        raise exc
    except NotFound as e:
        print("NotFound handler:", e)
    except AppError as e:
        print("AppError handler:", type(e).__name__)
    except Exception as e:
        print("generic handler:", type(e).__name__, e)

print(issubclass(NotFound, AppError), issubclass(NotFound, Exception), issubclass(AppError, BaseException))
print(isinstance(NotFound("q"), AppError), issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(StopIteration, Exception), issubclass(KeyboardInterrupt, Exception), issubclass(GeneratorExit, BaseException))

class WithData(Exception):
    def __init__(self, *args, extra=None):
        super().__init__(*args)
        self.extra = extra
try:
    raise WithData("a", "b", extra={"k": 1})
except WithData as w:
    print(w.args, w.extra, str(w))

class Base(Exception):
    def describe(self):
        return "I am " + type(self).__name__
class Derived(Base):
    pass
try:
    raise Derived
except Base as b:
    print(b.describe(), b.args)

e1 = KeyError("key")
print(str(e1), repr(e1), e1.args)
print(str(ValueError(1, 2)), repr(OSError("x")))
try:
    raise TypeError
except TypeError as t:
    print(repr(t), t.args)
class Fancy(ValueError):
    def __repr__(self):
        return "Fancy!"
print(repr(Fancy("a")), str(Fancy("a")), [Fancy()])
