# except* handles matching parts of a group; unhandled parts propagate.
def raiser():
    raise ExceptionGroup("eg", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
try:
    raiser()
except* ValueError as g:
    print("ValueError group:", repr(g))
except* TypeError as g:
    print("TypeError group:", repr(g))
try:
    try:
        raiser()
    except* ValueError:
        print("handled values only")
except ExceptionGroup as rest:
    print("remaining:", repr(rest))
try:
    raise KeyError("naked")
except* KeyError as g:
    print("naked wrapped:", repr(g))
try:
    raiser()
except* TypeError:
    print("only TypeError handled")
