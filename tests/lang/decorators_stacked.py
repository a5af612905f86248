# stacked decorators: application order and call order
log = []
def trace(label):
    def deco(fn):
        log.append("decorate " + label)
        def w(*a):
            log.append("enter " + label)
            r = fn(*a)
            log.append("exit " + label)
            return r
        return w
    return deco

@trace("outer")
@trace("middle")
@trace("inner")
def work(x):
    log.append("work %d" % x)
    return x + 1

print(work(1))
for line in log:
    print(line)

def plus(n):
    return lambda f: lambda x: f(x) + n
def times(n):
    return lambda f: lambda x: f(x) * n

@plus(1)
@times(10)
def ident(x):
    return x
print(ident(2))

@times(10)
@plus(1)
def ident2(x):
    return x
print(ident2(2))

class Box:
    @staticmethod
    @times(3)
    def triple(x):
        return x
    @classmethod
    @trace("cm")
    def make(cls):
        return cls.__name__
print(Box.triple(4), Box().triple(5))
log.clear()
print(Box.make(), log)

def memo(fn):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return w
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
