# return in finally overrides returns and swallows exceptions.
def a():
    try:
        return "try"
    finally:
        return "finally"
def b():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
def c():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
    return "loop end"
def d():
    x = []
    try:
        x.append(1)
        return x
    finally:
        x.append(2)
def e():
    try:
        try:
            raise KeyError("k")
        finally:
            print("inner finally")
    except KeyError as ex:
        return "caught " + repr(ex)
    finally:
        print("outer finally")
print(a(), b(), c(), d(), e())
