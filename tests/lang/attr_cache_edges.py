# Inline attribute caches: recycled classes, odd instance-dict keys,
# properties with setters, exceptions, functions and modules as receivers.
import gc

def get_a(o):
    return o.a

def call_go(o):
    return o.go()

# many short-lived classes at one site: a class may reuse a dead one's memory
res = []
for i in range(40):
    if i % 2:
        class T:
            a = i
            def go(self):
                return "meth"
    else:
        class T:
            def __init__(self):
                self.a = -i
            go = staticmethod(lambda: "static")
    t = T()
    res.append((get_a(t), call_go(t)))
    del T, t
    if i % 5 == 0:
        gc.collect()
print(res)

# instance dict keys that are equal strs but not the interned name
class O:
    pass
o = O()
o.__dict__["a" + str(len("xy") - 2)[:0]] = "built key"
print(get_a(o), get_a(o))
class SK(str):
    pass
o2 = O()
o2.__dict__[SK("a")] = "str subclass key"
print(get_a(o2), get_a(o2))

# property with a setter at a store site
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        self._c = v * 2
def set_c(o, v):
    o.c = v
t = Temp()
for v in range(3):
    set_c(t, v)
print(t.c, t._c)

# exceptions carry attributes too
class MyErr(Exception):
    def __init__(self, code):
        super().__init__("boom")
        self.code = code
def code_of(e):
    return e.code
errs = []
for i in range(3):
    try:
        raise MyErr(i)
    except MyErr as e:
        errs.append((code_of(e), e.args))
print(errs)

# function attributes
def f():
    pass
def fattr(fn):
    return fn.a
f.a = 1
print(fattr(f), fattr(f))
f.a = 2
print(fattr(f))

# dict subclass instances with attributes
class DD(dict):
    def __init__(self):
        super().__init__()
        self.a = "dd attr"
dd = DD()
dd["a"] = "item"
print(get_a(dd), get_a(dd), dd["a"])

# the same site sees instances, classes and modules
import math
class HasA:
    a = "class a"
ha = HasA()
ha.a = "inst a"
math.a = "module a"
print([get_a(x) for x in (ha, HasA, math, ha, HasA, math)])
del math.a

# attribute deleted through delattr, set via setattr with a computed name
class V:
    pass
v = V()
setattr(v, "a", 1)
print(get_a(v), get_a(v))
delattr(v, "a")
setattr(v, "".join(["a"]), 2)
print(get_a(v))

# a method looked up on an instance whose class changes its bases' methods
class R1:
    def go(self):
        return "R1"
class R2(R1):
    pass
r2 = R2()
out = [call_go(r2), call_go(r2)]
R2.go = R1.go
out.append(call_go(r2))
R1.go = lambda self: "R1 new"
out.append(call_go(r2))
del R2.go
out.append(call_go(r2))
print(out)

# __getattr__ on a module (PEP 562) does not hide real attributes
import sys
mod = type(sys)("m")
mod.a = "real"
mod.__getattr__ = lambda name: "dyn " + name
print(get_a(mod), get_a(mod), mod.other)
