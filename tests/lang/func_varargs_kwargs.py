# *args and **kwargs collection and forwarding
def collect(*args, **kwargs):
    return args, sorted(kwargs.items())

print(collect())
print(collect(1, 2))
print(collect(a=1))
print(collect(1, b=2, a=3))

def forward(*args, **kwargs):
    return collect(0, *args, z=26, **kwargs)
print(forward(1, 2, y=25))

def first_rest(first, *rest):
    return first, rest
print(first_rest(1))
print(first_rest(1, 2, 3))
print(type(first_rest(1)[1]).__name__)

def kw_types(**kw):
    return type(kw).__name__, len(kw)
print(kw_types(), kw_types(a=1, b=2))

def modify(**kw):
    kw["added"] = True
    return kw
src = {"x": 1}
out = modify(**src)
print(sorted(src.items()), sorted(out.items()))

def summer(*nums, start=0):
    total = start
    for n in nums:
        total += n
    return total
print(summer(), summer(1, 2, 3), summer(1, 2, start=10))
print(summer(*range(101)))

def kwargs_order(**kw):
    return list(kw)
print(kwargs_order(c=1, a=2, b=3))
print(kwargs_order(**{"z": 1, "y": 2}, x=3))

def wrapper(func):
    def inner(*a, **k):
        print("calling with", a, sorted(k.items()))
        return func(*a, **k)
    return inner

@wrapper
def add(x, y=0):
    return x + y
print(add(1), add(1, 2), add(1, y=5))
