# __repr__ / __str__ interplay with print, str(), repr(), containers, formatting
class Both:
    def __repr__(self): return "Both-repr"
    def __str__(self): return "Both-str"
class ReprOnly:
    def __repr__(self): return "ReprOnly-repr"
class StrOnly:
    def __str__(self): return "StrOnly-str"

b, r = Both(), ReprOnly()
print(b, r)
print(str(b), repr(b), str(r), repr(r))
print([b, r], (b,), {"k": b})
print("%s %r" % (b, b))
print("{} {!r} {!s}".format(b, b, b))
print(f"{b} {b!r} {r}")
print(str(StrOnly()), [str(StrOnly())])
print(repr(StrOnly()).startswith("<"))

class Nested:
    def __init__(self, children):
        self.children = children
    def __repr__(self):
        return "N(%s)" % ", ".join(repr(c) for c in self.children)
print(Nested([Nested([]), Nested([Nested([])])]))

class Quote:
    def __repr__(self):
        return "'quoted'"
print([Quote()], str(Quote()))

class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__)

class Fmt:
    def __format__(self, spec):
        return "Fmt[%s]" % spec
print(format(Fmt(), "xyz"), "{:abc}".format(Fmt()), f"{Fmt():>5}")

print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\there"))
print(repr("\n\\"), str(None), repr(None), str(1.5), repr([1.5, "a"]))
print(str(b"bytes"), repr(bytearray(b"ba")))

class Inherit(Both):
    pass
print(Inherit(), repr(Inherit()))
class Override(Both):
    def __str__(self):
        return "Override+" + super().__str__()
print(Override(), [Override()])
