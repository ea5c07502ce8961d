# NotImplementedError in base methods; template-method pattern across subclasses.
class Shape:
    def area(self):
        raise NotImplementedError(f"{type(self).__name__}.area")
    def describe(self):
        return f"{type(self).__name__} with area {self.area():.1f}"
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
class Circ(Shape):
    def __init__(self, r): self.r = r
    def area(self): return 3.14159 * self.r ** 2
class Blob(Shape): pass
for s in [Sq(2), Circ(1)]:
    print(s.describe())
Blob().describe()
