# topological sort (Kahn) with cycle detection, union-find with path compression
def topo(deps):
    nodes = set(deps)
    for vs in deps.values():
        nodes.update(vs)
    indeg = {n: 0 for n in nodes}
    for n, vs in deps.items():
        for v in vs:
            indeg[v] += 1
    ready = sorted(n for n in nodes if indeg[n] == 0)
    order = []
    while ready:
        n = ready.pop(0)
        order.append(n)
        for v in sorted(deps.get(n, ())):
            indeg[v] -= 1
            if indeg[v] == 0:
                ready.append(v)
                ready.sort()
    if len(order) != len(nodes):
        raise ValueError("cycle among " + ",".join(sorted(n for n in nodes if indeg[n] > 0)))
    return order

build = {"libc": ["libm", "app"], "libm": ["app"], "config": ["app", "tests"], "app": ["tests"], "docs": []}
print(topo(build))
print(topo({"a": ["b"], "b": ["c"], "c": []}))
try:
    topo({"x": ["y"], "y": ["z"], "z": ["x"], "w": ["x"]})
except ValueError as e:
    print(e)

class DSU:
    def __init__(self, n):
        self.parent = list(range(n))
        self.rank = [0] * n
        self.sets = n
    def find(self, x):
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root
    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.rank[ra] < self.rank[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        if self.rank[ra] == self.rank[rb]:
            self.rank[ra] += 1
        self.sets -= 1
        return True

d = DSU(10)
print([d.union(a, b) for a, b in [(0, 1), (2, 3), (1, 3), (0, 2), (5, 6), (7, 8), (8, 9), (9, 7)]])
print(d.sets, d.find(3) == d.find(0), d.find(5) == d.find(7))
groups = {}
for i in range(10):
    groups.setdefault(d.find(i), []).append(i)
print(sorted(groups.values()))
edges = [(4, "a", "b"), (1, "b", "c"), (3, "a", "c"), (2, "c", "d"), (5, "b", "d"), (7, "d", "e"), (6, "c", "e")]
names = sorted({n for _, a, b in edges for n in (a, b)})
idx = {n: i for i, n in enumerate(names)}
mst = DSU(len(names))
chosen = [(w, a, b) for w, a, b in sorted(edges) if mst.union(idx[a], idx[b])]
print(chosen, sum(w for w, _, _ in chosen))
