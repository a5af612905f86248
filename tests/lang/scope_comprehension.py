x = 10
print([x for _ in range(2)], [x for x in range(2)], x)
def f():
    y = 5
    return [y * i for i in range(3)], {i: y for i in range(2)}, list(y + i for i in range(2))
print(f())
class C:
    n = 3
    vals = [i for i in range(3)]
print(C.vals)
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
