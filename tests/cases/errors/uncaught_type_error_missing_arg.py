class Greeter:
    def greet(self, name, punctuation):
        return f"Hi {name}{punctuation}"

g = Greeter()
print(g.greet("Ann", "!"))
print(g.greet("Bob"))
