print([x * x for x in range(6)], [x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)], {x: x ** 2 for x in range(4)}, {x % 4 for x in range(10)})
print(sum(x for x in range(101)), list(zip(*[(1, "a"), (2, "b")])))
m = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in m] for i in range(3)], [y for row in m for y in row])
x = "outer"
print([x for x in "ab"], x)
print([i for i in range(3)][::-1], dict((k, v) for k, v in [("a", 1)]))
