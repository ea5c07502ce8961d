def a():
    raise KeyError("k")

def b():
    try:
        a()
    except KeyError as e:
        raise TypeError("t") from e

def c():
    try:
        b()
    except TypeError:
        raise ValueError("v")

c()
