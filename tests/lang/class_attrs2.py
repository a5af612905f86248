class Base:
    kind = "base"
    items = []
    def describe(self):
        return "%s(%s)" % (type(self).__name__, self.kind)
class Child(Base):
    kind = "child"
c = Child(); b = Base()
print(c.describe(), b.describe(), Child.kind, Base.kind)
c.items.append(1)
print(b.items, Child.items is Base.items)
Child.extra = lambda self: "extra " + self.kind
print(c.extra())
print(hasattr(Base, "extra"), "kind" in Child.__dict__, "describe" in Base.__dict__)
class WithSlots:
    __slots__ = ("a",)
    def __init__(self): self.a = 1
print(WithSlots().a)
class Counter:
    instances = 0
    def __init__(self):
        type(self).instances += 1
for _ in range(3):
    Counter()
print(Counter.instances)
