# Star expressions in displays and calls.
a = [1, 2]
b = (3, 4)
print([*a, *b, 5])
print((*a, *b))
print({*a, *b})
print({**{'x': 1}, 'y': 2, **{'x': 3}})
print(*a, *b, sep='-')
def f(*args, **kw):
    return args, kw
print(f(*a, 0, *"xy", **{'k': 1}, z=2))
print([*range(3), *[], *()])
t = *a, *b
print(t)
print([*"ab" * 2])
