VALUE = 1
g = globals()
print(g["VALUE"], "VALUE" in g, g["__name__"])
g["NEW_NAME"] = "dyn"
print(NEW_NAME)
def f():
    l = locals()
    return sorted(l)
print(f())
def uses_global():
    return VALUE + 1
VALUE = 10
print(uses_global())
