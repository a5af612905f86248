# closures, nonlocal across several levels
def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    def get():
        return n
    return inc, get

inc, get = counter()
inc(); inc(); inc(5)
print(get())
inc2, get2 = counter()
inc2()
print(get(), get2())

def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    r = middle()
    return r, x
print(outer())

def make_acc():
    total = 0
    items = []
    def add(v):
        nonlocal total
        total += v
        items.append(v)   # no nonlocal needed for mutation
        return total, len(items)
    return add
acc = make_acc()
print(acc(3), acc(4))

def shadow():
    x = 1
    def f():
        x = 2   # local, does not touch outer
        return x
    f()
    return x
print(shadow())

def fib_gen():
    a, b = 0, 1
    def step():
        nonlocal a, b
        a, b = b, a + b
        return a
    return step
s = fib_gen()
print([s() for _ in range(10)])

def cell_after_def():
    def show():
        return v
    v = "late"
    return show()
print(cell_after_def())

def nonlocal_loop():
    res = []
    n = 0
    def bump():
        nonlocal n
        n += 1
    for _ in range(4):
        bump()
        res.append(n)
    return res
print(nonlocal_loop())

def unbound():
    def f():
        return y
    try:
        f()
    except NameError as e:
        print(type(e).__name__)
    y = 1
    return f()
print(unbound())
