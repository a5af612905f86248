class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])
    def __matmul__(self, o):
        n, m = self.shape
        m2, p = o.shape
        return Matrix([[sum(self.rows[i][k] * o.rows[k][j] for k in range(m)) for j in range(p)] for i in range(n)])
    def __add__(self, o):
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, o.rows)])
    def T(self):
        return Matrix(zip(*self.rows))
    def __eq__(self, o):
        return self.rows == o.rows
    def __repr__(self):
        return "Matrix(%r)" % self.rows
a = Matrix([[1, 2], [3, 4]])
b = Matrix([[0, 1], [1, 0]])
print(a @ b, a + b, a.T(), a.shape, a @ b == Matrix([[2, 1], [4, 3]]))
