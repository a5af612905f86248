# decorators taking arguments
def repeat(n):
    def deco(fn):
        def wrapper(*a, **k):
            return [fn(*a, **k) for _ in range(n)]
        return wrapper
    return deco

@repeat(3)
def hello(name):
    return "hi " + name
print(hello("bob"))

def tag(name, **attrs):
    def deco(fn):
        def wrapper(*a):
            extra = "".join(" %s=%r" % kv for kv in sorted(attrs.items()))
            return "<%s%s>%s</%s>" % (name, extra, fn(*a), name)
        return wrapper
    return deco

@tag("b")
@tag("a", href="x", id=1)
def link(text):
    return text
print(link("click"))

registry = {}
def register(key):
    def deco(fn):
        registry[key] = fn
        return fn
    return deco

@register("double")
def dbl(x):
    return 2 * x
@register("square")
def sq(x):
    return x * x
print(sorted(registry), registry["double"](4), registry["square"](4), dbl(5))

def validate(*types):
    def deco(fn):
        def wrapper(*args):
            for a, t in zip(args, types):
                if not isinstance(a, t):
                    raise TypeError("bad arg %r" % (a,))
            return fn(*args)
        return wrapper
    return deco

@validate(int, str)
def use(n, s):
    return s * n
print(use(3, "ab"))
try:
    use("3", "ab")
except TypeError as e:
    print(e)

def counted(fn):
    def w(*a):
        w.calls += 1
        return fn(*a)
    w.calls = 0
    return w
@counted
def noop():
    pass
for _ in range(5):
    noop()
print(noop.calls)

two_times = repeat(2)
@two_times
def two():
    return 2
print(two())
