class K:
    a = 1
    def m(self): pass
k = K()
k.z = 2
print([n for n in dir(k) if not n.startswith("__")], vars(k), "m" in dir(K), "a" in dir(K))
import math
print("sqrt" in dir(math), "pi" in dir(math))
def f(): pass
print(type(dir()), "f" in dir(), "K" in dir())
