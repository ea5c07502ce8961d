# Uncaught exception raised with `from None` hides its context.
def lookup(d, key):
    try:
        return d[key]
    except KeyError:
        raise AttributeError(f"no field {key}") from None
print(lookup({"a": 1}, "a"))
e = None
try:
    lookup({}, "b")
except AttributeError as err:
    e = err
print(e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
lookup({}, "c")
