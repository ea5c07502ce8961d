# Independent counters from one factory; nonlocal state per closure.
def make_counter(start=0, step=1):
    count = start
    def inc():
        nonlocal count
        count += step
        return count
    def reset():
        nonlocal count
        count = start
    return inc, reset

a_inc, a_reset = make_counter()
b_inc, b_reset = make_counter(100, 10)
for _ in range(3):
    print(a_inc(), b_inc())
a_reset()
print(a_inc(), b_inc())
print(a_inc.__code__.co_freevars, sorted(a_inc.__code__.co_freevars))
print([c.cell_contents for c in a_inc.__closure__])
