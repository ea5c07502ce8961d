# except* splits an ExceptionGroup by type; unhandled parts propagate.
def raiser():
    raise ExceptionGroup("batch", [ValueError(1), TypeError(2), ValueError(3), KeyError(4)])
try:
    try:
        raiser()
    except* ValueError as eg:
        print("values:", repr(eg), [str(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("types:", [str(e) for e in eg.exceptions])
except ExceptionGroup as rest:
    print("rest:", repr(rest), rest.message)
try:
    raise ValueError("naked")
except* ValueError as eg:
    print("wrapped naked:", type(eg).__name__, repr(eg.exceptions))
try:
    raise ExceptionGroup("nested", [ValueError("a"), ExceptionGroup("inner", [ValueError("b"), OSError("c")])])
except* ValueError as eg:
    print("nested values:", repr(eg))
except* OSError as eg:
    print("nested os:", repr(eg))
