# Dijkstra's shortest paths with a list-based priority queue; path reconstruction
def dijkstra(graph, src):
    dist = {src: 0}
    prev = {}
    pq = [(0, src)]
    done = set()
    while pq:
        # list-based priority queue: find and remove the minimum
        best = min(range(len(pq)), key=lambda i: pq[i])
        d, u = pq.pop(best)
        if u in done:
            continue
        done.add(u)
        for v, w in graph.get(u, []):
            nd = d + w
            if v not in dist or nd < dist[v]:
                dist[v] = nd
                prev[v] = u
                pq.append((nd, v))
    return dist, prev

def path(prev, src, dst):
    out = [dst]
    while out[-1] != src:
        if out[-1] not in prev:
            return None
        out.append(prev[out[-1]])
    return out[::-1]

edges = [("A", "B", 4), ("A", "C", 2), ("B", "C", 5), ("B", "D", 10), ("C", "E", 3),
         ("E", "D", 4), ("D", "F", 11), ("E", "F", 20), ("G", "A", 1)]
graph = {}
for a, b, w in edges:
    graph.setdefault(a, []).append((b, w))
    graph.setdefault(b, []).append((a, w))
dist, prev = dijkstra(graph, "A")
for node in sorted(dist):
    print(node, dist[node], "->".join(path(prev, "A", node)))

directed = {"s": [("a", 1), ("b", 4)], "a": [("b", 2), ("c", 6)], "b": [("c", 3)], "c": [], "x": [("s", 1)]}
d2, p2 = dijkstra(directed, "s")
print(sorted(d2.items()), path(p2, "s", "c"), "x" in d2)

# grid graph
grid = ["S.#.....",
        ".##.###.",
        "....#...",
        ".##...#E"]
def grid_graph(g):
    out = {}
    for r, row in enumerate(g):
        for c, ch in enumerate(row):
            if ch == "#":
                continue
            nbrs = []
            for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                rr, cc = r + dr, c + dc
                if 0 <= rr < len(g) and 0 <= cc < len(row) and g[rr][cc] != "#":
                    nbrs.append(((rr, cc), 1))
            out[(r, c)] = nbrs
    return out
gd, gp = dijkstra(grid_graph(grid), (0, 0))
end = (3, 7)
route = path(gp, (0, 0), end)
print(gd[end], len(route))
canvas = [list(row) for row in grid]
for r, c in route[1:-1]:
    canvas[r][c] = "*"
for row in canvas:
    print("".join(row))
