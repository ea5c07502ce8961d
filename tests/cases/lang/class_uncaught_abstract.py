# Uncaught TypeError instantiating an abstract class.
from abc import ABC, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perimeter(self): ...
class Square(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    def perimeter(self): return 4 * self.s
print(Square(3).area(), Square(3).perimeter())
class Half(Shape):
    def area(self): return 0
Half()
