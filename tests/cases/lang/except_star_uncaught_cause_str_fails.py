# Uncaught exception caused by an except*-wrapped group, whose own __str__ fails.
class Unprintable(Exception):
    def __str__(self):
        raise ValueError("bad str")
def f():
    try:
        raise KeyError("k")
    except* KeyError as eg:
        raise Unprintable() from eg
f()
