# global and nonlocal inside class bodies and methods.
x = "module x"
def outer():
    x = "outer x"
    class A:
        global x
        x = "set by class A"
        def get(self):
            return x
    class B:
        nonlocal x
        x = "set by class B"
    return A, x
A, outer_x = outer()
print(x, "|", outer_x, "|", A().get(), "|", "x" in A.__dict__)
def counter():
    n = 0
    class Inc:
        def __call__(self):
            nonlocal n
            n += 1
            return n
    return Inc()
c = counter()
print(c(), c(), c())
