# Closures, nested functions, lambdas and cell variables.
def make_counter():
    n = 0
    def inc(k):
        nonlocal n
        n += k
        return n
    return inc

def compose(f, g):
    return lambda x: f(g(x))

total = 0
for j in range(200):
    c = make_counter()
    for i in range(1000):
        c(i & 7)
    total += c(0)
add1 = lambda x: x + 1
dbl = lambda x: x * 2
h = compose(add1, dbl)
s = 0
for i in range(150000):
    s += h(i)
print(total, s)
