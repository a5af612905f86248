# defaults, keyword-only parameters, evaluation time of defaults
counter = [0]
def make_default():
    counter[0] += 1
    return counter[0]

def f(a, b=make_default(), *, c, d=10):
    return (a, b, c, d)

print(f(1, c=2))
print(f(1, 5, c=2))
print(f(1, c=3, d=4))
print(f(a=9, c=8))
print("defaults evaluated", counter[0])

def g(*, x=1, y):
    return x * 100 + y
print(g(y=2), g(x=3, y=4), g(y=5, x=6))

def mutable_default(item, bucket=[]):
    bucket.append(item)
    return len(bucket)
print(mutable_default(1), mutable_default(2), mutable_default(3, []))

def none_default(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket
print(none_default(1), none_default(2))


def kw_after_star(a, *rest, key=None, **extra):
    return a, rest, key, sorted(extra)
print(kw_after_star(1))
print(kw_after_star(1, 2, 3))
print(kw_after_star(1, 2, key="k", z=1, y=2))

for thunk in (lambda: f(1), lambda: f(1, 2, 3), lambda: g(1, y=2), lambda: g(), lambda: f(1, c=1, e=1)):
    try:
        thunk()
        print("no error")
    except TypeError as e:
        print(type(e).__name__)

x = 5
def capture(v=x):
    return v
x = 6
print(capture(), capture(7))
