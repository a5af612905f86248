x = "global x"
class C:
    x = "class x"
    y = x + "!"
    def method(self):
        return x
    z = [x for _ in range(1)]
print(C.y, C().method(), C.z)
def f():
    v = "enclosing"
    class Inner:
        w = v
        def get(self):
            return v
    return Inner
I = f()
print(I.w, I().get())
class Counter:
    n = 0
    def incr(self):
        self.n += 1
        return self.n
a = Counter(); a.incr(); a.incr()
print(a.n, Counter.n)
