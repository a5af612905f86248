# Module-level names go through LOAD_NAME/STORE_NAME with the globals
# cache: rebinding, deleting, shadowing builtins and globals() writes.
x = 1
total = 0
for i in range(10):
    total = total + x
    if i == 4:
        x = 100
print(total)

r = []
for i in range(6):
    r.append(len("abc"))
    if i == 2:
        len = lambda s: "shadowed"
    if i == 4:
        del len
print(r)

y = 0
for i in range(5):
    y = y + 1
    if i == 2:
        del y
        y = 50
print(y)

g = globals()
z = 1
for i in range(4):
    z = z + 1
    g["z"] = z * 10
print(z)

for i in range(3):
    try:
        print(undefined_name)
    except NameError as e:
        print(e)
    if i == 1:
        g["undefined_name"] = "now defined"

s = ""
for i in range(50):
    s += "ab"
t = s
s += "c"
print(len(s), len(t), s[-3:], t[-3:])

class Holder:
    a = 1
    b = a + 1
    for j in range(3):
        b = b + a
print(Holder.a, Holder.b)

exec("w = 5\nfor i in range(3):\n    w = w + i\nprint(w)")
ns = {}
exec("v = 1\nfor i in range(3):\n    v = v * 2\n", ns)
print(ns["v"])
