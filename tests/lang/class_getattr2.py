class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_t", target)
        object.__setattr__(self, "log", [])
    def __getattr__(self, name):
        self.log.append(name)
        return getattr(self._t, name)
    def __setattr__(self, name, value):
        self.log.append("set " + name)
        setattr(self._t, name, value)
class T:
    x = 1
t = T(); p = Proxy(t)
print(p.x); p.y = 5; print(t.y, p.log)
class Guard:
    def __delattr__(self, name):
        print("refusing to delete", name)
g = Guard(); g.a = 1; del g.a; print(g.a)
class Attrs:
    def __init__(self):
        self.a = 1
print(getattr(Attrs(), "b", "default"), hasattr(Attrs(), "a"))
