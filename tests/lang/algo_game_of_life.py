# Conway's game of life on a small torus
def step(grid):
    h, w = len(grid), len(grid[0])
    new = []
    for r in range(h):
        row = []
        for c in range(w):
            n = 0
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    if dr or dc:
                        n += grid[(r + dr) % h][(c + dc) % w]
            row.append(1 if n == 3 or (n == 2 and grid[r][c]) else 0)
        new.append(row)
    return new

def show(grid):
    for row in grid:
        print("".join("#" if v else "." for v in row))
    print()

def parse(lines):
    return [[1 if ch == "#" else 0 for ch in line] for line in lines]

glider = parse([".#......",
                "..#.....",
                "###.....",
                "........",
                "........",
                "........"])
g = glider
for gen in range(4):
    print("gen", gen)
    show(g)
    g = step(g)
for _ in range(20):
    g = step(g)
print("population after 24:", sum(map(sum, g)))
blinker = parse([".....", "..#..", "..#..", "..#..", "....."])
b1 = step(blinker)
show(b1)
print(step(b1) == blinker)
block = parse(["....", ".##.", ".##.", "...."])
print(step(block) == block)
