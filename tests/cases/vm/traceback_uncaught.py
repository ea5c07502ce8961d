def f(x):
    return x[1] + g(x)
def g(y):
    return 1 / y [0]
def h():
    f([0,
       0])
try:
    h()
except ZeroDivisionError as e:
    print("first", e)
def deep(d):
    return {}['k'] if d == 0 else deep(d - 1)
def chain():
    try:
        deep(3)
    except KeyError:
        raise ValueError("while handling")
chain()
