# Single inheritance: method override, attribute lookup through the MRO, isinstance/issubclass.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return "animal"
class Dog(Animal):
    sound = "woof"
    def kind(self):
        return "dog, a kind of " + super().kind()
class Puppy(Dog):
    def __init__(self, name):
        super().__init__(name + " jr")
p = Puppy("Rex")
print(p.speak(), "|", p.kind())
print(Puppy.__mro__)
print(isinstance(p, Animal), issubclass(Puppy, Animal), issubclass(Animal, Dog))
print(issubclass(Dog, (int, Animal)), isinstance(3, (str, int)))
print(Dog.__bases__, Animal.__subclasses__())
print(issubclass(bool, int), issubclass(int, object))
