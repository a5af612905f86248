class Shape:
    count = 0
    def __init__(self, name):
        self.name = name
        Shape.count += 1
    @classmethod
    def square(cls):
        return cls("square")
    @classmethod
    def total(cls):
        return cls.count
    @staticmethod
    def area(w, h):
        return w * h
class Circle(Shape):
    pass
s = Shape.square(); c = Circle.square()
print(s.name, type(c).__name__, Shape.total(), Circle.total(), Shape.area(2, 3), c.area(4, 5))
print(type(Shape.__dict__["square"]).__name__, type(Shape.__dict__["area"]).__name__)
