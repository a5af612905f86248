print(isinstance(1, int), isinstance(1.0, float), isinstance("s", str), isinstance([], list), isinstance((), tuple))
print(isinstance({}, dict), isinstance(set(), set), isinstance(b"", bytes), isinstance(None, type(None)))
print(isinstance(True, int), isinstance(1, bool), isinstance(int, type), isinstance(type, type), isinstance(type, object))
print(issubclass(int, object), issubclass(ValueError, Exception), issubclass(list, (int, list)))
print(type(1) == int, type(1.5).__name__, type([]).__name__, type(len).__name__ in ("builtin_function_or_method", "function"))
class A: pass
class B(A): pass
print(isinstance(B(), A), isinstance(A(), B), issubclass(B, A), type(B()) is B)
try:
    isinstance(1, 1)
except TypeError:
    print("TypeError")
