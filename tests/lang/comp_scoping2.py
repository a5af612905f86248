# comprehension scoping rules
x = "global x"
lst = [x for x in range(3)]
print(lst, x)

def f():
    y = 10
    return [y + i for i in range(3)]
print(f())

class C:
    base = 100
    # the outermost iterable is evaluated in class scope
    items = [i for i in range(base // 50)]
    try:
        vals = [base + i for i in range(2)]
    except NameError:
        vals = "NameError: class scope invisible"
print(C.items, C.vals)

def nested_closure():
    funcs = [lambda: i for i in range(3)]
    return [fn() for fn in funcs]
print(nested_closure())

def comp_with_outer_write():
    total = 0
    data = [1, 2, 3]
    squares = [v * v for v in data]
    for s in squares:
        total += s
    return total
print(comp_with_outer_write())

i = "unchanged"
d = {i: i * 2 for i in range(3)}
s = {i for i in range(3)}
g = list(i for i in range(3))
print(i, d, s, g)

def walrus_in_comp():
    data = [1, 5, 3, 8, 2]
    big = [y for v in data if (y := v * 10) > 25]
    return big, y
print(walrus_in_comp())

def nested_comp_scope():
    n = 3
    return [[n * r + c for c in range(n)] for r in range(n)]
print(nested_comp_scope())

def shadow_param(v):
    return [v for v in range(v)], v
print(shadow_param(4))

res = [(lambda q: q + k)(1) for k in range(3)]
print(res)
