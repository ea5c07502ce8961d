# Uncaught nested ExceptionGroup: the traceback draws the group tree.
def inner():
    raise ExceptionGroup("inner", [TypeError("t1"), KeyError("k1")])
def outer():
    errors = []
    try:
        inner()
    except ExceptionGroup as eg:
        errors.append(eg)
    errors.append(ValueError("v1"))
    raise ExceptionGroup("outer", errors)
outer()
