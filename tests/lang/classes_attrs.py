class K:
    a = 1
    def m(self): return self
k = K()
print(K.a, k.a, k.m() is k, K.m(k) is k, k.m.__self__ is k)
k.a = 2; print(K.a, k.a)
K.b = 3; print(k.b)
print(K.__name__, K.__qualname__, type(K).__name__, type(type))
class Outer:
    class Inner:
        pass
print(Outer.Inner.__qualname__, Outer.Inner.__name__)
def f(): pass
print(f.__name__, (lambda: 0).__name__)
try:
    k.nope
except AttributeError as e:
    print("AttributeError", e)
bm = k.m
print(bm() is k, callable(bm), callable(1), callable(K))
