# __format__ of classes written in Python, object.__format__'s rule, the '#'
# flag without a type, zero padding of text, str subclasses in f-strings and %
class Fm:
    def __format__(self, spec):
        return "Fm<" + spec + ">"
print(format(Fm()), format(Fm(), "x"), f"{Fm():abc}", "{:q}".format(Fm()), f"{Fm()!r:.3}")
class Bad:
    def __format__(self, spec):
        return 5
for f in (lambda: format(Bad()), lambda: f"{Bad()}", lambda: format(object(), "x"), lambda: format([1], ">5"),
          lambda: "{:d}".format(object())):
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)
class IS(int):
    def __format__(self, spec):
        return "IS" + int.__format__(self, spec)
print(f"{IS(5):>3}", format(IS(3)), "{:x}".format(IS(255)))
class Up(str):
    def __str__(self):
        return "UP"
u = Up("raw")
print(f"{u}", f"{u:>5}", "{}".format(u), "%s" % u, "%s" % (u,), "%r" % u, str(u), u + "!")
class Plain(str):
    pass
p = Plain("plain")
print(f"{p}|{p:>7}|{p!r}", "%s" % p, "[%5s]" % p)
for v in (1e20, 1e-7, 1.0, 1.5, 1j, 1 + 2j, float("inf")):
    print(repr(v), format(v, "#"), format(v, "#.3"), format(v, "#10"))
for s in ("08", "<08", ">08", "^08", "8"):
    print(repr(s), repr(format("abc", s)), repr(format(12, s)))
for s in (" ", "+", "-"):
    try:
        format("abc", s)
    except ValueError as e:
        print("ValueError", e)
