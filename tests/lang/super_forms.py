# super() with and without arguments, in various method kinds
class Base:
    def __init__(self, v):
        self.v = v
    def show(self):
        return "Base.show(%r)" % self.v
    @classmethod
    def create(cls, v):
        return cls(v)
    @staticmethod
    def helper():
        return "Base.helper"

class Child(Base):
    def __init__(self, v):
        super().__init__(v * 2)
    def show(self):
        return "Child>" + super().show()
    @classmethod
    def create(cls, v):
        obj = super().create(v + 1)
        obj.made_by = cls.__name__
        return obj
    def explicit(self):
        return super(Child, self).show()
    def call_static(self):
        return super().helper()

c = Child(5)
print(c.v, c.show(), c.explicit(), c.call_static())
d = Child.create(1)
print(d.v, d.made_by, type(d).__name__)

class Grand(Child):
    def show(self):
        return "Grand>" + super().show()
    def skip(self):
        # skip Child's implementation
        return super(Child, self).show()
g = Grand(1)
print(g.show())
print(g.skip())

class Attr:
    value = "Attr.value"
class Sub(Attr):
    value = "Sub.value"
    def get(self):
        return super().value
print(Sub().get())

class ListLike(list):
    def append(self, x):
        super().append(x * 10)
l = ListLike()
l.append(1)
l.append(2)
print(l, len(l))

class DictLike(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, str(v))
dl = DictLike()
dl["a"] = 1
print(dl)

class InLambda(Base):
    def show(self):
        f = lambda: super(InLambda, self).show()
        return "lambda:" + f()
print(InLambda(3).show())
