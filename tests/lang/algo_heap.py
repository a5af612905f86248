# binary min-heap implemented by hand; heapsort; k smallest; merge k lists
class MinHeap:
    def __init__(self, key=lambda x: x):
        self.a = []
        self.key = key
    def push(self, v):
        a = self.a
        a.append(v)
        i = len(a) - 1
        while i > 0:
            p = (i - 1) // 2
            if self.key(a[i]) < self.key(a[p]):
                a[i], a[p] = a[p], a[i]
                i = p
            else:
                break
    def pop(self):
        a = self.a
        if not a:
            raise IndexError("pop from empty heap")
        top = a[0]
        last = a.pop()
        if a:
            a[0] = last
            i, n = 0, len(a)
            while True:
                l, r, m = 2 * i + 1, 2 * i + 2, i
                if l < n and self.key(a[l]) < self.key(a[m]):
                    m = l
                if r < n and self.key(a[r]) < self.key(a[m]):
                    m = r
                if m == i:
                    break
                a[i], a[m] = a[m], a[i]
                i = m
        return top
    def __len__(self):
        return len(self.a)
    def peek(self):
        return self.a[0]

h = MinHeap()
for v in [5, 3, 8, 1, 9, 2, 7, 1]:
    h.push(v)
print(len(h), h.peek())
print([h.pop() for _ in range(len(h))])
try:
    h.pop()
except IndexError as e:
    print("IndexError", e)

def heapsort(xs):
    hp = MinHeap()
    for x in xs:
        hp.push(x)
    return [hp.pop() for _ in xs]
data = [(i * 7919) % 101 for i in range(40)]
print(heapsort(data) == sorted(data), heapsort(data)[:10])

maxh = MinHeap(key=lambda v: -v)
for v in data[:10]:
    maxh.push(v)
print([maxh.pop() for _ in range(5)])

tasks = MinHeap(key=lambda t: (t[0], t[1]))
for t in [(2, "write"), (1, "plan"), (3, "test"), (1, "coffee"), (2, "review")]:
    tasks.push(t)
while len(tasks):
    print(tasks.pop())

def merge_k(lists):
    hp = MinHeap(key=lambda t: t[0])
    for idx, lst in enumerate(lists):
        if lst:
            hp.push((lst[0], idx, 0))
    out = []
    while len(hp):
        v, li, pos = hp.pop()
        out.append(v)
        if pos + 1 < len(lists[li]):
            hp.push((lists[li][pos + 1], li, pos + 1))
    return out
print(merge_k([[1, 4, 7], [2, 5, 8], [0, 3, 6, 9], []]))
