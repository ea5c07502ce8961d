try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError:
    [][0]
