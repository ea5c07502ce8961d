# 'from None' hides the context in the printed traceback.
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise AttributeError(f"no field {k!r}") from None
print(lookup({"a": 1}, "a"))
lookup({}, "b")
