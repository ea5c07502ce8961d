# A matrix class exercising many dunder protocols together.
class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
    @property
    def shape(self):
        return len(self.rows), len(self.rows[0]) if self.rows else 0
    def __getitem__(self, idx):
        match idx:
            case (int(r), int(c)):
                return self.rows[r][c]
            case int(r):
                return self.rows[r]
        raise TypeError(f"bad index {idx!r}")
    def __matmul__(self, o):
        n, m = self.shape
        m2, p = o.shape
        if m != m2:
            raise ValueError(f"shape mismatch {self.shape} @ {o.shape}")
        return Matrix([[sum(self[i, k] * o[k, j] for k in range(m)) for j in range(p)] for i in range(n)])
    def __eq__(self, o):
        return isinstance(o, Matrix) and self.rows == o.rows
    def __iter__(self):
        return (x for row in self.rows for x in row)
    def __repr__(self):
        return f"Matrix({self.rows})"
    def __bool__(self):
        return any(self)
a = Matrix([[1, 2], [3, 4]])
i = Matrix([[1, 0], [0, 1]])
print(a @ i == a, a @ a, list(a), bool(Matrix([[0]])), a[1], a[0, 1])
try:
    a @ Matrix([[1, 2, 3]])
except ValueError as e:
    print("ValueError:", e)
try:
    a["x"]
except TypeError as e:
    print("TypeError:", e)
m = a
m @= a
print(m, m is a)
