# Free variables reach through class scope into nested methods and lambdas.
def make(prefix):
    class Greeter:
        label = prefix.upper()
        def greet(self, name):
            return f"{prefix}, {name}"
        shout = lambda self, name: f"{prefix.upper()}, {name.upper()}!"
        def nested(self):
            def inner():
                return prefix * 2
            return inner()
    return Greeter
G = make("hello")
g = G()
print(G.label, g.greet("ann"), g.shout("bob"), g.nested())
print(G.greet.__code__.co_freevars, G.__dict__["shout"].__code__.co_freevars)
H = make("hi")
print(H().greet("x"), G().greet("x"))
