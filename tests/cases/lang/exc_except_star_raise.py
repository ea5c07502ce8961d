# Raising inside except* blocks builds a new group with the unhandled remainder.
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), OSError(2)])
    except* ValueError:
        raise RuntimeError("replacement")
except ExceptionGroup as g:
    print(repr(g))
    print([repr(x) for x in g.exceptions])
try:
    raise ExceptionGroup("eg", [ValueError(1)])
except* ValueError:
    raise
