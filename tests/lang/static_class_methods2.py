# staticmethod and classmethod
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
    @classmethod
    def how_many(cls):
        return cls.count
    @classmethod
    def fresh(cls):
        return cls()
    @staticmethod
    def add(a, b):
        return a + b

Counter(); Counter()
print(Counter.how_many(), Counter().how_many())
print(Counter.add(1, 2), Counter().add(3, 4))
f = Counter.fresh()
print(type(f).__name__, Counter.count)

class Sub(Counter):
    count = 100
print(Sub.how_many(), type(Sub.fresh()).__name__, Sub.count, Counter.count)

class Shape:
    registry = []
    @classmethod
    def register(cls, name):
        cls.registry = cls.registry + [name]
        return cls.registry
class Circle(Shape):
    pass
print(Circle.register("c1"), Shape.registry, Circle.registry)

class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return "Date(%d, %d, %d)" % (self.y, self.m, self.d)
print(Date.from_string("2024-02-29"))
print([y for y in (1900, 2000, 2023, 2024) if Date.is_leap(y)])

sm = staticmethod(lambda: "raw static")
class Holder:
    s = sm
    c = classmethod(lambda cls: cls.__name__)
print(Holder.s(), Holder().s(), Holder.c(), Holder().c())
