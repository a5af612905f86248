# nested classes, methods calling each other, class-level computation, __class__
class Outer:
    class Inner:
        def __init__(self, v):
            self.v = v
        def __repr__(self):
            return "Inner(%r)" % self.v
    kind = "outer"
    def make(self, v):
        return self.Inner(v)
    def __repr__(self):
        return "Outer()"

o = Outer()
print(o.make(1), Outer.Inner(2), type(o.make(3)).__name__)

class Shape:
    sides = 0
    def describe(self):
        return "%s with %d sides, area %s" % (type(self).__name__, self.sides, self.area())
    def area(self):
        raise NotImplementedError
class Square(Shape):
    sides = 4
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
class Triangle(Shape):
    sides = 3
    def __init__(self, b, h):
        self.b, self.h = b, h
    def area(self):
        return self.b * self.h / 2
for sh in (Square(3), Triangle(4, 5)):
    print(sh.describe())
try:
    Shape().describe()
except NotImplementedError as e:
    print(type(e).__name__, isinstance(e, RuntimeError))

class Node:
    count = 0
    def __init__(self):
        self.__class__.count += 1
        self.id = self.__class__.count
class SubNode(Node):
    count = 100
print([Node().id for _ in range(3)], SubNode().id, Node.count, SubNode.count)
print(o.__class__ is Outer, o.__class__.__name__, Square(1).__class__.__bases__[0].__name__)

class Chain:
    def __init__(self):
        self.ops = []
    def add(self, v):
        self.ops.append(("add", v))
        return self
    def mul(self, v):
        self.ops.append(("mul", v))
        return self
    def result(self, start=0):
        for op, v in self.ops:
            start = start + v if op == "add" else start * v
        return start
print(Chain().add(2).mul(10).add(1).result(), Chain().result(5))

class Table:
    squares = {i: i * i for i in range(5)}
    names = [n.upper() for n in ("a", "b")]
    total = sum(squares.values())
print(Table.squares, Table.names, Table.total)

def factory(base):
    class Made(base):
        def hello(self):
            return "made from " + base.__name__
    return Made
M1 = factory(object)
M2 = factory(Square)
print(M1().hello(), M2(2).hello(), M2(2).area(), issubclass(M2, Shape))

class Recursive:
    def __init__(self, n):
        self.child = Recursive(n - 1) if n else None
    def depth(self):
        return 1 + (self.child.depth() if self.child else 0)
print(Recursive(10).depth())
