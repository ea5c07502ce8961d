# Context chains across nested handlers and handler-local re-raises.
def level3():
    raise KeyError("k3")
def level2():
    try:
        level3()
    except KeyError as e:
        raise ValueError("v2") from e
def level1():
    try:
        level2()
    except ValueError:
        raise RuntimeError("r1")
try:
    level1()
except RuntimeError as e:
    chain = []
    cur = e
    while cur is not None:
        link = "cause" if cur.__cause__ is not None else "context"
        chain.append((type(cur).__name__, str(cur), link))
        cur = cur.__cause__ or cur.__context__
    print(chain)
try:
    try:
        raise ValueError("same")
    except ValueError as e:
        raise e
except ValueError as e2:
    print("self context avoided:", e2.__context__)
