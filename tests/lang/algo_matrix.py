def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
m = [[1, 2], [3, 4]]
r = identity(2)
for _ in range(10):
    r = matmul(r, m)
print(r)
fm = [[0.5, 0.25], [0.125, 1.0]]
print(matmul(fm, fm))
