# Method calls: instance, class and static methods, inheritance and super().


class Base:
    def __init__(self, value):
        self.value = value

    def get(self):
        return self.value

    def add(self, n):
        self.value += n
        return self

    @classmethod
    def make(cls, value):
        return cls(value)

    @staticmethod
    def twice(n):
        return n * 2


class Derived(Base):
    def get(self):
        return super().get() + 1

    def add(self, n):
        return Base.add(self, self.twice(n))


def run(n):
    a = Base.make(0)
    b = Derived.make(0)
    total = 0
    for i in range(n):
        a.add(1).add(2)
        b.add(i & 7)
        total += a.get() + b.get()
    return total


print(run(1000000))
