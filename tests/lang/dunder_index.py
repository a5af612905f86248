# __index__ used where integers are required
class I:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v

lst = list(range(10))
print(lst[I(3)], lst[I(-1)])
print(lst[I(2):I(8):I(2)])
print("abcdef"[I(1)], (1, 2, 3)[I(0)])
print(bin(I(5)), hex(I(255)), oct(I(8)))
print(range(I(5)), list(range(I(1), I(10), I(3))))
print([0] * I(3), "ab" * I(2), I(2) * "xy")
l2 = [1, 2, 3]
l2[I(0)] = "set"
del l2[I(1)]
print(l2)
print(b"abc"[I(1)], bytearray(b"xyz")[I(2)])
print(bytes(I(3)))
print(int.__index__(7) if hasattr(int, "__index__") else 7)
try:
    lst[1.0]
except TypeError as e:
    print(type(e).__name__)

class NotIndex:
    pass
try:
    lst[NotIndex()]
except TypeError as e:
    print(type(e).__name__)
print(True.__index__() if hasattr(True, "__index__") else 1, lst[True], lst[False])
