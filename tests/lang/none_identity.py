x = None
print(x is None, x == None, type(x).__name__, repr(x), str(x), hash(None) == hash(None))
def f(): return
def g(): return None
print(f() is g(), f() is None)
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, id(a) == id(b), id(a) == id(c))
print(1 is 1 if False else True, "s" == "s", () is () if False else True)
