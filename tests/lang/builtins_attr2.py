# getattr/setattr/hasattr/delattr, callable, isinstance, issubclass, type()
class A:
    x = 1
    def m(self):
        return "m"
class B(A):
    pass
a = A()
print(getattr(a, "x"), getattr(a, "y", "dflt"), getattr(A, "m")(a), getattr(a, "m")())
setattr(a, "y", 2)
print(a.y, hasattr(a, "y"), hasattr(a, "zz"), hasattr(A, "m"))
delattr(a, "y")
print(hasattr(a, "y"))
try:
    getattr(a, "nope")
except AttributeError as e:
    print(type(e).__name__)
try:
    delattr(a, "nope")
except AttributeError as e:
    print(type(e).__name__)
try:
    getattr(a, 5)
except TypeError as e:
    print(type(e).__name__)
print(callable(len), callable(A), callable(a), callable(a.m), callable(5), callable(lambda: 0), callable("s"))
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance(1.0, (str, float)))
print(isinstance(B(), A), isinstance(A(), B), isinstance(a, object), isinstance(int, object), isinstance(int, type))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (str, A)), issubclass(bool, int), issubclass(int, object), issubclass(A, A))
try:
    issubclass(a, A)
except TypeError as e:
    print(type(e).__name__)
try:
    isinstance(a, 5)
except TypeError as e:
    print(type(e).__name__)
print(type(1).__name__, type("s").__name__, type([]).__name__, type(None).__name__, type(A).__name__, type(a).__name__)
print(type(a) is A, type(B()) is A, type(type) is type, type(len).__name__ in ("builtin_function_or_method", "function"))
Dyn = type("Dyn", (A,), {"z": 26, "hello": lambda self: "hi " + type(self).__name__})
d = Dyn()
print(d.z, d.x, d.hello(), issubclass(Dyn, A), Dyn.__name__, [c.__name__ for c in Dyn.__mro__])
print(type(5)(7), type("a")(12), type([])("xy"))
for v in (0, 0.0, "", [], {}, (), set(), None, True, b"", 1j, range(1)):
    print(type(v).__name__, end=" ")
print()
class WithSlotsLikeGet:
    def __getattr__(self, n):
        return n * 2
w = WithSlotsLikeGet()
print(getattr(w, "ab"), hasattr(w, "anything"))
name = "dynamic_attr"
setattr(A, name, "on class")
print(a.dynamic_attr, B.dynamic_attr)
