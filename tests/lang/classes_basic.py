class Point:
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1
    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x and self.y == other.y
    def __hash__(self):
        return hash((self.x, self.y))
    def norm2(self):
        return self.x ** 2 + self.y ** 2
p = Point(1, 2); q = Point(3, 4)
print(p, q, p + q, p == Point(1, 2), p != q, (p + q).norm2(), Point.count)
print(len({p, Point(1, 2), q}), str(p), [p], getattr(p, "x"), hasattr(p, "z"))
p.z = 5; print(p.z, p.__dict__ if False else sorted(vars(p)))
setattr(p, "x", 10); print(p.x); delattr(p, "z"); print(hasattr(p, "z"))
print(type(p).__name__, isinstance(p, Point), isinstance(1, Point), Point.__name__)
class Empty:
    pass
e = Empty(); print(type(e) is Empty, isinstance(e, object))
