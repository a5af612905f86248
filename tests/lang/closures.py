def make_counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c = make_counter()
print(c(), c(), c(10))
def adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders()])
def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late())
x = "global"
def read_global():
    return x
def write_global():
    global x
    x = "changed"
write_global()
print(read_global())
def nest():
    a = 1
    def mid():
        def innermost():
            return a
        return innermost()
    return mid()
print(nest())
def cell_arg(v):
    def get():
        return v
    v = v * 2
    return get()
print(cell_arg(21))
