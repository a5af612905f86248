a = 1
del a
try:
    a
except NameError:
    print("a deleted")
l = list(range(10))
del l[0], l[-1]
print(l)
del l[::3]
print(l)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
class C: pass
c = C(); c.x = 1; c.y = 2
del c.x
print(hasattr(c, "x"), c.y)
x, y = 1, 2
del x, y
print("x" in dir(), "y" in globals())
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e)
