class CM:
    def __init__(self, name): self.name = name
    def __enter__(self):
        print("enter", self.name); return self.name
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return False
with CM("a") as a, CM("b") as b:
    print("body", a, b)
try:
    with CM("c"):
        raise KeyError("x")
except KeyError:
    print("propagated")
def f():
    with CM("d"):
        return "returned"
print(f())
for i in range(2):
    with CM("loop%d" % i):
        if i == 0:
            continue
        break
