# late binding of closure variables and the default-argument idiom
fs = [lambda: i for i in range(4)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(4)]
print([f() for f in fs])

def build():
    out = []
    for i in range(3):
        def f():
            return i * 10
        out.append(f)
    return out
print([f() for f in build()])

def build2():
    out = []
    for i in range(3):
        def make(j):
            return lambda: j * 10
        out.append(make(i))
    return out
print([f() for f in build2()])

def adders():
    return [lambda x, n=n: x + n for n in range(1, 4)]
print([a(10) for a in adders()])

def mutate_after():
    v = 1
    f = lambda: v
    v = 2
    return f()
print(mutate_after())

def shared_cell():
    x = 0
    def get():
        return x
    def set_(v):
        nonlocal x
        x = v
    return get, set_
g, s = shared_cell()
s(42)
print(g())

def compose(*fns):
    def run(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return run
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(5))

def curry(f, *bound):
    def c(*more):
        return f(*bound, *more)
    return c
print(curry(max, 3)(1, 2), curry(pow, 2)(10))
