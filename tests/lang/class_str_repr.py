class A:
    pass
a = A()
r = repr(a)
print(r.startswith("<") and "A object at" in r)
class B:
    def __repr__(self): return "B()"
print(B(), str(B()), [B()], "%s %r" % (B(), B()), f"{B()!r}")
class C:
    def __str__(self): return "C-str"
print(C(), [C()][0].__str__())
class D:
    def __format__(self, spec): return "D:" + spec
print(format(D(), "xyz"), f"{D():abc}", "{:q}".format(D()))
