graph = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"], "f": []}
def bfs(start, goal):
    queue = [[start]]
    seen = {start}
    while queue:
        path = queue.pop(0)
        node = path[-1]
        if node == goal:
            return path
        for nxt in graph[node]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(path + [nxt])
def dfs(node, seen=None):
    seen = seen if seen is not None else []
    seen.append(node)
    for n in graph[node]:
        if n not in seen:
            dfs(n, seen)
    return seen
print(bfs("a", "f"), dfs("a"))
