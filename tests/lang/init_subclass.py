# __init_subclass__ hooks
class Plugin:
    registry = []
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.registry.append(cls.__name__)

class A(Plugin):
    pass
class B(Plugin):
    pass
class C(A):
    pass
print(Plugin.registry)

class Base:
    def __init_subclass__(cls):
        cls.tag = cls.__name__.lower() + "_tag"
class Child(Base):
    pass
class GrandChild(Child):
    pass
print(Child.tag, GrandChild.tag, hasattr(Base, "tag"))

class Counted:
    count = 0
    def __init_subclass__(cls):
        Counted.count += 1
        cls.serial = Counted.count
class X(Counted): pass
class Y(Counted): pass
print(X.serial, Y.serial, Counted.count)
