class Vec:
    def __init__(self, *c): self.c = list(c)
    def __len__(self): return len(self.c)
    def __getitem__(self, i): return self.c[i]
    def __setitem__(self, i, v): self.c[i] = v
    def __delitem__(self, i): del self.c[i]
    def __contains__(self, v): return v in self.c
    def __iter__(self): return iter(self.c)
    def __bool__(self): return bool(self.c)
    def __neg__(self): return Vec(*[-x for x in self.c])
    def __mul__(self, k): return Vec(*[x * k for x in self.c])
    def __rmul__(self, k): return self * k
    def __lt__(self, o): return len(self) < len(o)
    def __call__(self, x): return x in self
    def __str__(self): return "Vec%s" % (tuple(self.c),)
v = Vec(1, 2, 3)
print(len(v), v[0], v[-1], 2 in v, 7 in v, list(v), bool(v), bool(Vec()), str(-v), str(v * 2), str(3 * v))
v[0] = 10; del v[1]; print(str(v), v(10), Vec(1) < Vec(1, 2), sorted([Vec(1, 2), Vec(1)], key=len)[0].c)
class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq())
class Ctx:
    def __enter__(self):
        print("enter"); return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None); return True
with Ctx() as c:
    raise ValueError("suppressed")
print("after with")
class Dyn:
    def __getattr__(self, name): return name.upper()
print(Dyn().hello, getattr(Dyn(), "x"))
