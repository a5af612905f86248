recs = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22)]
by_age = sorted(recs, key=lambda r: r[1])
print(by_age)
print(sorted(recs, key=lambda r: r[1], reverse=True))
print(sorted(sorted(recs), key=lambda r: -r[1]))
l = [3, 1, 2]
l.sort(key=lambda x: x % 2)
print(l)
print(sorted([-3, 2, -1], key=abs), sorted(["b", "a", "C"]), sorted([1.5, -2, 0]))
class Item:
    def __init__(self, k): self.k = k
    def __repr__(self): return "I%d" % self.k
print(sorted([Item(3), Item(1)], key=lambda i: i.k))
