# an LRU cache built on a dict plus a hand-made doubly linked list
class _Node:
    def __init__(self, key=None, val=None):
        self.key, self.val = key, val
        self.prev = self.next = None

class LRU:
    def __init__(self, cap):
        self.cap = cap
        self.map = {}
        self.head, self.tail = _Node(), _Node()
        self.head.next, self.tail.prev = self.tail, self.head
        self.hits = self.misses = 0
    def _unlink(self, n):
        n.prev.next, n.next.prev = n.next, n.prev
    def _front(self, n):
        n.next, n.prev = self.head.next, self.head
        self.head.next.prev = n
        self.head.next = n
    def get(self, key, default=None):
        n = self.map.get(key)
        if n is None:
            self.misses += 1
            return default
        self.hits += 1
        self._unlink(n)
        self._front(n)
        return n.val
    def put(self, key, val):
        n = self.map.get(key)
        if n:
            n.val = val
            self._unlink(n)
            self._front(n)
            return None
        n = _Node(key, val)
        self.map[key] = n
        self._front(n)
        if len(self.map) > self.cap:
            old = self.tail.prev
            self._unlink(old)
            del self.map[old.key]
            return old.key
        return None
    def keys(self):
        out, n = [], self.head.next
        while n is not self.tail:
            out.append(n.key)
            n = n.next
        return out
    def __len__(self):
        return len(self.map)
    def __contains__(self, k):
        return k in self.map

c = LRU(3)
print([c.put(k, k.upper()) for k in "abc"], c.keys())
print(c.get("a"), c.keys())
print(c.put("d", "D"), c.keys(), "b" in c, len(c))
print(c.get("b", "miss"), c.get("c"), c.keys())
print(c.put("a", "A2"), c.keys(), c.get("a"))
print(c.put("e", "E"), c.keys())
print(c.hits, c.misses)

def cached(cap):
    def deco(fn):
        cache = LRU(cap)
        sentinel = object()
        def w(n):
            v = cache.get(n, sentinel)
            if v is sentinel:
                v = fn(n)
                cache.put(n, v)
            return v
        w.cache = cache
        return w
    return deco

@cached(50)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(90), len(fib.cache), fib.cache.hits > 0)
small = LRU(1)
for i in range(5):
    small.put(i, i * i)
print(small.keys(), small.get(4), small.get(3))
