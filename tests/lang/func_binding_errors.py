# every kind of argument binding error raises TypeError
def two(a, b):
    return a + b
def kwonly(*, k):
    return k
def defs(a, b=1):
    return a, b
def star(*args):
    return args
def dstar(**kw):
    return kw

cases = [
    ("too few", lambda: two(1)),
    ("too many", lambda: two(1, 2, 3)),
    ("dup kw", lambda: two(1, a=2)),
    ("unknown kw", lambda: two(1, c=2)),
    ("missing kwonly", lambda: kwonly()),
    ("kwonly positional", lambda: kwonly(1)),
    ("defs too many", lambda: defs(1, 2, 3)),
    ("defs none", lambda: defs()),
    ("star kw", lambda: star(x=1)),
    ("dstar positional", lambda: dstar(1)),
    ("splat non-iterable", lambda: star(*5)),
    ("dsplat non-mapping", lambda: dstar(**[1])),
    ("dsplat dup", lambda: dstar(**{"a": 1}, a=2)),
    ("call int", lambda: five()),
    ("call none", lambda: nothing()),
    ("method missing self", lambda: Holder.meth()),
    ("ok two", lambda: two(b=1, a=2)),
    ("ok splat", lambda: two(*[1], **{"b": 2})),
]

five = 5
nothing = None
class Holder:
    def meth(self):
        return "meth"

for name, thunk in cases:
    try:
        r = thunk()
        print(name, "->", r)
    except TypeError as e:
        print(name, "->", type(e).__name__)

def lam_err():
    return (lambda x: x)()
try:
    lam_err()
except TypeError as e:
    print("lambda", type(e).__name__)

class Init:
    def __init__(self, a):
        self.a = a
for args in [(), (1,), (1, 2)]:
    try:
        print(Init(*args).a)
    except TypeError as e:
        print("init", len(args), type(e).__name__)
