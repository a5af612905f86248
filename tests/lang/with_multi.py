# with statements: multiple managers, ordering, exceptions, return values
log = []
class M:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        log.append("enter " + self.name)
        return self
    def __exit__(self, et, ev, tb):
        log.append("exit %s %s" % (self.name, et.__name__ if et else "-"))
        return self.suppress

with M("a") as a, M("b") as b, M("c") as c:
    log.append("body %s%s%s" % (a.name, b.name, c.name))
print(log); log.clear()

with M("outer", suppress=True):
    with M("inner"):
        raise ValueError
    log.append("unreachable")
log.append("after")
print(log); log.clear()

with M("x"), M("y", suppress=True):
    raise KeyError
print(log); log.clear()

def gen_in_with():
    with M("gen"):
        yield 1
        yield 2
for v in gen_in_with():
    log.append("got %d" % v)
print(log); log.clear()

def early():
    for i in range(3):
        with M("loop%d" % i):
            if i == 1:
                return i
print(early(), log); log.clear()

class Tuple:
    def __enter__(self):
        return (1, (2, 3))
    def __exit__(self, *a):
        return False
with Tuple() as (p, (q, r)):
    print(p, q, r)
class Holder: pass
h = Holder()
with Tuple() as h.attr:
    pass
print(h.attr)
d = {}
with Tuple() as d["k"]:
    pass
print(d)

class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print("missing __exit__ ->", "error")
