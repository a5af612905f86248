# Inline attribute caches: class attributes and methods changing under a
# call site that has already learned them.  Each helper runs the same
# instruction many times, before and after the change.

class A:
    k = 1
    def m(self):
        return "A.m"

def read_k(o):
    return o.k

def call_m(o):
    return o.m()

a = A()
out = []
for i in range(3):
    out.append(read_k(a))
A.k = 2                      # plain value replaced
out.append(read_k(a))
A.k = "str"                  # object value
out.append(read_k(a))
a.k = 99                     # instance shadows the class attribute
out.append(read_k(a))
del a.k                      # and goes away again
out.append(read_k(a))
del A.k
try:
    read_k(a)
except AttributeError as e:
    out.append(str(e))
print(out)

out = []
for i in range(3):
    out.append(call_m(a))
A.m = lambda self: "new A.m"           # method replaced on the class
out.append(call_m(a))
a.m = lambda: "instance m"             # method shadowed on the instance
out.append(call_m(a))
del a.m
out.append(call_m(a))
def m2(self):
    return "m2"
A.m = m2
out.append(call_m(a))
A.m = staticmethod(lambda: "static")
out.append(call_m(a))
A.m = classmethod(lambda cls: "classm " + cls.__name__)
out.append(call_m(a))
A.m = property(lambda self: (lambda: "via property"))
out.append(call_m(a))
print(out)

# bound-method loads (no call) see changes too
class B:
    def f(self):
        return 1
def get_f(o):
    return o.f
b = B()
r = [get_f(b)() for _ in range(3)]
B.f = lambda self: 2
r.append(get_f(b)())
print(r)

# subclass gets a property / a method later; base changes after caching
class Base:
    v = "base"
    def who(self):
        return "Base.who"
class Sub(Base):
    pass
s = Sub()
def v_of(o):
    return o.v
def who(o):
    return o.who()
r = [v_of(s), who(s), v_of(s), who(s)]
Sub.v = property(lambda self: "sub property")
Sub.who = lambda self: "Sub.who"
r += [v_of(s), who(s)]
s.__dict__["v"] = "instance"   # a property is a data descriptor: still wins
r.append(v_of(s))
del Sub.v
r.append(v_of(s))              # now the instance dict
del Sub.who
Base.who = lambda self: "Base.who2"
r.append(who(s))
print(r)

# counters on the class (value replacement without invalidation)
class Counter:
    n = 0
    def bump(self):
        Counter.n += 1
        return self.n
c = Counter()
print([c.bump() for _ in range(5)], Counter.n)

# a class attribute that is a plain builtin object
class Cfg:
    items = [1, 2]
    name = "cfg"
def items_of(o):
    return o.items
cfg = Cfg()
print(items_of(cfg), items_of(cfg))
Cfg.items = (3, 4)
print(items_of(cfg))
Cfg.items = None
print(items_of(cfg))
