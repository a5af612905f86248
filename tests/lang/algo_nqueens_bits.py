# n-queens: counting with bitmasks, first solution by backtracking
def count(n):
    full = (1 << n) - 1
    def solve(cols, d1, d2):
        if cols == full:
            return 1
        total = 0
        avail = full & ~(cols | d1 | d2)
        while avail:
            bit = avail & -avail
            avail ^= bit
            total += solve(cols | bit, ((d1 | bit) << 1) & full, (d2 | bit) >> 1)
        return total
    return solve(0, 0, 0)

for n in range(1, 9):
    print(n, count(n))

def first_solution(n):
    placed = []
    def ok(row, col):
        for r, c in enumerate(placed):
            if c == col or abs(c - col) == row - r:
                return False
        return True
    def go(row):
        if row == n:
            return True
        for col in range(n):
            if ok(row, col):
                placed.append(col)
                if go(row + 1):
                    return True
                placed.pop()
        return False
    go(0)
    return placed

sol = first_solution(8)
print(sol)
for c in sol:
    print(" ".join("Q" if i == c else "." for i in range(8)))
print(first_solution(3), first_solution(4))
