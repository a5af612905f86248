class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["created_by"] = "Meta"
        return super().__new__(mcls, name, bases, ns)
    def __call__(cls, *a):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a)
class W(metaclass=Meta):
    def __init__(self, v):
        self.v = v
w = W(3)
print(w.v, W.created_by, type(W).__name__, isinstance(W, Meta))
class Plugin:
    registry = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        Plugin.registry.append((cls.__name__, kw.get("tag")))
class P1(Plugin, tag="one"): pass
class P2(Plugin): pass
print(Plugin.registry)
Dyn = type("Dyn", (object,), {"x": 5, "get": lambda self: self.x * 2})
print(Dyn().get(), Dyn.__name__)
