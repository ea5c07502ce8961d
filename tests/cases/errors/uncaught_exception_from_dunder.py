class Vec:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        return Vec(self.x + other.x)

    def __repr__(self):
        return f"Vec({self.x})"

print(Vec(1) + Vec(2))
print(Vec(1) + 5)
