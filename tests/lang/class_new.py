class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Singleton() is Singleton())
class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
p = Pos(-5)
print(p, p + 1, isinstance(p, int), type(p).__name__)
class Name(str):
    def shout(self):
        return self.upper() + "!"
n = Name("bob")
print(n, n.shout(), len(n), n + "x", isinstance(n, str))
class Stack(list):
    def push(self, v): self.append(v)
    def peek(self): return self[-1]
s = Stack(); s.push(1); s.push(2)
print(s, s.peek(), len(s), s.pop(), list(s))
class Counter(dict):
    def __missing__(self, k): return 0
c = Counter(); c["a"] += 1
print(c["a"], c["zz"], dict(c))
class Pair(tuple):
    def first(self): return self[0]
print(Pair((1, 2)).first(), Pair((3, 4)))
