# in-place operator dunders and fallbacks to the binary form
class Acc:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "Acc(%r)" % (self.v,)
    def __iadd__(self, o): self.v = ("iadd", self.v, o); return self
    def __isub__(self, o): self.v = ("isub", self.v, o); return self
    def __imul__(self, o): self.v = ("imul", self.v, o); return self
    def __itruediv__(self, o): self.v = ("itruediv", self.v, o); return self
    def __ifloordiv__(self, o): self.v = ("ifloordiv", self.v, o); return self
    def __imod__(self, o): self.v = ("imod", self.v, o); return self
    def __ipow__(self, o): self.v = ("ipow", self.v, o); return self
    def __ilshift__(self, o): self.v = ("ilshift", self.v, o); return self
    def __irshift__(self, o): self.v = ("irshift", self.v, o); return self
    def __iand__(self, o): self.v = ("iand", self.v, o); return self
    def __ior__(self, o): self.v = ("ior", self.v, o); return self
    def __ixor__(self, o): self.v = ("ixor", self.v, o); return self
    def __imatmul__(self, o): self.v = ("imatmul", self.v, o); return self

ops = []
for name in ("+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "@="):
    a = Acc(0)
    orig = a
    exec("a %s 1" % name)
    ops.append((a.v[0], a is orig))
print(ops)

a = Acc(0)
a += 1
a *= 2
a -= 3
print(a)

class OnlyAdd:
    def __init__(self, v): self.v = v
    def __add__(self, o): return OnlyAdd(self.v + o)
b = OnlyAdd(1)
orig = b
b += 5
print(b.v, b is orig, orig.v)

class ReturnsOther:
    def __iadd__(self, o):
        return "replaced"
c = ReturnsOther()
c += 1
print(c)

class INotImpl:
    def __iadd__(self, o):
        return NotImplemented
    def __add__(self, o):
        return "fell back to __add__"
d = INotImpl()
d += 1
print(d)

lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
t = (1,)
talias = t
t += (2,)
print(t, talias)
s = {1}
salias = s
s |= {2}
s &= {2, 3}
print(s, salias is s)
holder = {"k": [0]}
holder["k"] += [1]
print(holder)
class Obj: pass
o = Obj()
o.n = 1
o.n += 41
print(o.n)
