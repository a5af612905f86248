# what a class statement leaves in the class and what dir() lists
class A:
    "doc"
    x = 1
    def m(self):
        pass
class B(A):
    pass
print(sorted(A.__dict__.keys() - {"__dict__", "__weakref__"}))
print("__qualname__" in A.__dict__, A.__qualname__, A.__doc__, B.__doc__, "__doc__" in B.__dict__)
class N:
    class Inner:
        pass
print(N.Inner.__qualname__, repr(N.Inner), repr(N.Inner()).startswith("<__main__.N.Inner object at"))
N.Inner.__qualname__ = "Renamed"
print(repr(N.Inner), N.Inner.__name__)
def make():
    class Local:
        pass
    return Local
print(make().__qualname__)
X = type("X", (), {"__qualname__": "Q.X"})
print(X.__qualname__, "__qualname__" in X.__dict__, repr(X))
a = A()
a.y = 2
print(dir(a))
print(dir(object()))
print(dir([]))
print(dir(1))
print(dir(A) == sorted(set(dir(a)) - {"y"}))
print([n for n in dir(ValueError("v")) if not n.startswith("__")])
class D:
    def __dir__(self):
        return ["b", "a"]
print(dir(D()))
print(a.__weakref__, a.__getstate__(), object().__getstate__())
print(object().__lt__(1), object.__subclasshook__(), super(B, B()).__ge__(1))
