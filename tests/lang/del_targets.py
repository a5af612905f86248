# del of names, items, slices, attributes, tuples of targets
a = 1
del a
try:
    a
except NameError as e:
    print(type(e).__name__)
x, y, z = 1, 2, 3
del x, y
print(z, "x" in globals(), "y" in globals())
lst = list(range(8))
del lst[0]
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print(type(e).__name__)
class O:
    cls_attr = 1
o = O()
o.p = 1
o.q = 2
del o.p
print(hasattr(o, "p"), o.q)
try:
    del o.p
except AttributeError as e:
    print(type(e).__name__)
try:
    del o.cls_attr
except AttributeError as e:
    print(type(e).__name__)
del O.cls_attr
print(hasattr(O, "cls_attr"))
nested = {"k": [1, 2, {"inner": 3}]}
del nested["k"][2]["inner"]
del nested["k"][0]
print(nested)
m = [[1, 2], [3, 4]]
del m[0][1], m[1]
print(m)
def f():
    v = 5
    del v
    try:
        return v
    except NameError:
        return "NameError caught"
print(f())
try:
    del lst[100]
except IndexError as e:
    print(type(e).__name__)
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__)
s = "str"
try:
    del s[0]
except TypeError as e:
    print(type(e).__name__)
(p, [q, r]) = 1, [2, 3]
del (p, [q, r])
print("p" in globals(), "q" in globals())
for i in range(2):
    pass
del i
print("i" in globals())
