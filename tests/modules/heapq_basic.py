# heapq: the resulting list orders must equal CPython's exactly.
import heapq
data = [(i * 7919) % 101 for i in range(60)]
h = []
for x in data:
    heapq.heappush(h, x)
print(h)
out = [heapq.heappop(h) for _ in range(10)]
print(out, h)
h2 = list(data)
heapq.heapify(h2)
print(h2)
print(heapq.heapreplace(h2, 50), h2[:10])
print(heapq.heappushpop(h2, -1), heapq.heappushpop(h2, 99), h2[:10])
print(heapq.nsmallest(5, data), heapq.nlargest(5, data), heapq.nlargest(3, ['a', 'bbb', 'cc'], key=len))
print(heapq.nsmallest(0, data), heapq.nsmallest(100, [3, 1, 2]), heapq.nsmallest(2, [(1, 'b'), (1, 'a'), (0, 'z')], key=lambda t: t[0]))
try:
    heapq.heappop([])
except IndexError as e:
    print('IndexError', e)
try:
    heapq.heapreplace([], 1)
except IndexError as e:
    print('IndexError', e)
try:
    heapq.heappush((), 1)
except TypeError as e:
    print('TypeError', e)
try:
    heapq.heapify([1, 'a', 2.0])
except TypeError as e:
    print('TypeError')
t = [(3, 'c'), (1, 'a'), (2, 'b')]
heapq.heapify(t)
print(t, heapq.heappop(t))
print(heapq.heappushpop([], 5), heapq.heappushpop([1], 0), heapq.heappushpop([1], 2))
# heap sort of floats and strings
import random
random.seed(7)
vals = [random.random() for _ in range(300)]
hh = []
for v in vals:
    heapq.heappush(hh, v)
print([heapq.heappop(hh) for _ in range(len(hh))] == sorted(vals))
w = ['pear', 'apple', 'fig', 'kiwi', 'banana']
heapq.heapify(w)
print(w)
class Item:
    def __init__(self, p): self.p = p
    def __lt__(self, o): return self.p < o.p
    def __repr__(self): return 'Item(%d)' % self.p
items = [Item(p) for p in [5, 3, 8, 1, 9, 2]]
heapq.heapify(items)
print(items, heapq.heappop(items))
