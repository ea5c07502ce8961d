# Chained comparisons use the truthiness of intermediate results, which may be any object.
class Elementwise:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print(f"{self.v} < {o}")
        return Result(self.v < o)
class Result:
    def __init__(self, b): self.b = b
    def __bool__(self):
        print("bool of", self.b)
        return self.b
    def __repr__(self): return f"Result({self.b})"
print(Elementwise(1) < 2)
print(Elementwise(1) < 2 < 3)
print(0 < Elementwise(5).v < 10)
x = Elementwise(3)
print(x < 2 < 10)
