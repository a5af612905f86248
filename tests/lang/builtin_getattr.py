class C:
    x = 10
    def __init__(self): self.y = 20
c = C()
print(getattr(c, "x"), getattr(c, "y"), getattr(c, "z", "dflt"), getattr(C, "x"))
setattr(c, "w", 5); print(c.w, hasattr(c, "w"))
delattr(c, "w"); print(hasattr(c, "w"))
try:
    getattr(c, "nope")
except AttributeError as e:
    print("AttributeError", e)
print(getattr([1, 2], "count")(2), getattr("abc", "upper")(), getattr(5, "real"))
try:
    setattr(5, "x", 1)
except AttributeError:
    print("AttributeError int")
