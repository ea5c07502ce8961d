class Shape:
    sides = 4
    def area(self):
        return 0

print(Shape.sides)
print(Shape.aera)
