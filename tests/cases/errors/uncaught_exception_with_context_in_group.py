try:
    raise KeyError("ctx")
except KeyError:
    try:
        raise ValueError("inner")
    except ValueError as v:
        raise ExceptionGroup("eg", [v, TypeError("t")])
