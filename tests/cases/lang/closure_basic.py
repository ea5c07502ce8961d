# Closures capture variables, not values; late binding in loops.
def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
print(add5(1), make_adder(10)(1))
print(add5.__closure__[0].cell_contents)
fns = [lambda: i for i in range(3)]
print([f() for f in fns])
fns = [lambda i=i: i for i in range(3)]
print([f() for f in fns])
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = counter()
print(c(), c(), c())
def outer():
    x = "before"
    def show(): return x
    x = "after"
    return show
print(outer()())
