# Catching classes that are not exceptions raises TypeError only when an exception is being matched.
try:
    pass
except int:
    print("never checked")
print("no error when nothing is raised")
try:
    try:
        raise ValueError("v")
    except int:
        print("not reached")
except TypeError as e:
    print("TypeError:", e, "| context:", repr(e.__context__))
try:
    try:
        raise ValueError("v")
    except (KeyError, "str"):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError("v")
except (KeyError, (IndexError, ValueError)) as e:
    print("nested tuple matched:", e)
