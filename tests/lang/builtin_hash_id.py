print(hash("a") == hash("a"), hash((1, "a")) == hash((1, "a")), hash(1) == 1, hash(0) == 0)
class A: pass
a = A()
print(hash(a) == hash(a), id(a) == id(a), isinstance(hash(a), int), isinstance(id(a), int))
for bad in [[], {}, set()]:
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError", e)
print(hash(frozenset()) == hash(frozenset()), hash(()) == hash(()), hash(2 ** 100) == hash(2 ** 100))
