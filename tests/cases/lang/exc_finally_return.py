# return/break/continue inside finally override exceptions and earlier returns.
def f1():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(f1())
def f2():
    try:
        return "try"
    finally:
        return "finally"
print(f2())
def f3():
    try:
        raise ValueError("swallowed")
    finally:
        return "finally wins over exception"
print(f3())
def f4():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return i
print(f4())
def f5():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError
            out.append(i)
        finally:
            continue
    return out
print(f5())
def f6():
    x = 1
    try:
        return x
    finally:
        x = 2
print(f6())
