def outer(a):
    def middle(b):
        def inner(c):
            return a + b + c
        return inner
    return middle
print(outer(1)(2)(3))
def recursive_inner(n):
    def helper(k):
        return 1 if k <= 1 else k * helper(k - 1)
    return helper(n)
print(recursive_inner(10))
def apply(f, *args, **kwargs):
    return f(*args, **kwargs)
print(apply(max, 3, 9, 2), apply(sorted, [3, 1], reverse=True), apply(lambda: "noargs"))
def kwonly(*, a=1, b):
    return a, b
print(kwonly(b=2), kwonly(a=0, b=0))
def varargs_only(*args):
    return len(args), args[-1] if args else None
print(varargs_only(), varargs_only(1, 2, 3))
