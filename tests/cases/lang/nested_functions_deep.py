# Deeply nested functions, closures over several levels, and qualnames.
def a(x):
    def b(y):
        def c(z):
            def d():
                return x + y + z
            return d
        return c
    return b
f = a(1)(10)(100)
print(f(), f.__qualname__)
print([cell.cell_contents for cell in f.__closure__])
print(f.__code__.co_freevars, a.__code__.co_cellvars)
def counter_factory():
    def make():
        n = 0
        def step():
            nonlocal n
            n += 1
            return n
        return step
    return make
m = counter_factory()
s1, s2 = m(), m()
print(s1(), s1(), s2())
