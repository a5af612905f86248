grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid, [row[::-1] for row in grid], [grid[r][r] for r in range(3)])
flat = [v for row in grid for v in row if v % 2]
print(flat, sum(map(sum, grid)), list(map(list, zip(*grid))))
pairs = [(a, b) for a in range(1, 20) for b in range(a, 20) if a * b == 36]
print(pairs)
print([[1 if i == j else 0 for j in range(3)] for i in range(3)])
