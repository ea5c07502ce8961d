# Implicit chaining: exceptions raised while handling another get __context__.
def handler():
    try:
        int("not a number")
    except ValueError:
        undefined_function()
try:
    handler()
except NameError as e:
    print(type(e.__context__).__name__, e.__context__)
def three():
    try:
        try:
            raise KeyError("first")
        except KeyError:
            raise IndexError("second")
    except IndexError:
        raise RuntimeError("third")
three()
