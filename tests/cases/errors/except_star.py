def run(exc):
    try:
        raise exc
    except* ValueError as g:
        print("value:", repr(g))
    except* TypeError as g:
        print("type:", repr(g))
    except* Exception as g:
        print("other:", repr(g))
run(ExceptionGroup("g", [ValueError(1), TypeError(2), KeyError(3), ValueError(4)]))
run(ValueError("naked"))
run(ExceptionGroup("g", [ExceptionGroup("inner", [TypeError("deep")])]))
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), OSError(2)])
    except* ValueError:
        print("handled value")
except ExceptionGroup as rest:
    print("rest:", repr(rest))
try:
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        raise KeyError("new")
except ExceptionGroup as e:
    print("raised in handler:", repr(e), repr(e.exceptions[0].__context__))
