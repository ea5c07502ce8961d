# Comprehensions inside methods and class bodies: which names are visible.
class Grid:
    size = 3
    cells = [(r, c) for r in range(3) for c in range(3)]
    def rows(self):
        return [[self.size * r + c for c in range(self.size)] for r in range(self.size)]
    @classmethod
    def diag(cls):
        return {i: cls.size - i for i in range(cls.size)}
g = Grid()
print(len(Grid.cells), g.rows(), Grid.diag())
class Outer:
    names = ["a", "b"]
    upper = [n.upper() for n in names]
    try:
        pairs = [(n, m) for n in names for m in names]
    except NameError as e:
        pairs = "NameError: " + str(e)
print(Outer.upper, Outer.pairs)
