# Bare raise re-raises the handled exception; outside handler it is an error.
def reraise():
    try:
        1 / 0
    except ZeroDivisionError:
        print("logging and re-raising")
        raise
try:
    reraise()
except ZeroDivisionError as e:
    print("outer got", type(e).__name__, e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
def nested():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise KeyError("second")
        except KeyError:
            pass
        raise
try:
    nested()
except ValueError as e:
    print("re-raised the outer one:", e)
def in_finally():
    try:
        raise TypeError("t")
    except TypeError:
        def helper():
            raise
        helper()
try:
    in_finally()
except TypeError as e:
    print("helper re-raised", e)
