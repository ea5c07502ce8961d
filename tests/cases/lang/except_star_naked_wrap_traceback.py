# A naked exception caught by except* is wrapped in a group that has no traceback of its own.
try:
    raise KeyError("k")
except* KeyError as eg:
    print(type(eg).__name__, repr(eg.message), eg.__traceback__, eg.exceptions[0].__traceback__ is not None)
try:
    raise ExceptionGroup("g", [KeyError("k"), ValueError(1)])
except* KeyError as eg:
    print("split part has traceback:", eg.__traceback__ is not None)
except* ValueError as eg:
    print("split part has traceback:", eg.__traceback__ is not None)
def reraise():
    try:
        raise OSError("naked")
    except* OSError:
        raise
try:
    reraise()
except ExceptionGroup as e:
    print("bare raise in except* raises the group:", repr(e), e.__traceback__.tb_next is None)
