# Each except* clause runs at most once; an exception matches only the first clause.
class Base(Exception): pass
class Sub(Base): pass
try:
    raise ExceptionGroup("g", [Sub("s1"), Base("b1"), Sub("s2"), OSError("o")])
except* Sub as eg:
    print("Sub clause:", [str(e) for e in eg.exceptions])
except* Base as eg:
    print("Base clause:", [str(e) for e in eg.exceptions])
except* (OSError, ValueError) as eg:
    print("tuple clause:", repr(eg))
def nothing_matches():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* TypeError:
        print("no")
try:
    nothing_matches()
except ExceptionGroup as e:
    print("passed through:", repr(e))
try:
    raise ExceptionGroup("g", [KeyError("only")])
except* KeyError:
    print("fully handled")
else:
    print("no else")
finally:
    print("finally")
