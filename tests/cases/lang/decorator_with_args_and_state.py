# Parameterized decorators with state: retry and call counting.
def retry(times, exc=ValueError):
    def deco(f):
        def wrapper(*args):
            for attempt in range(1, times + 1):
                try:
                    return f(*args)
                except exc as e:
                    print(f"attempt {attempt} failed: {e}")
            raise RuntimeError(f"{f.__name__} failed {times} times")
        return wrapper
    return deco
state = {"n": 0}
@retry(3)
def flaky(limit):
    state["n"] += 1
    if state["n"] < limit:
        raise ValueError(f"n={state['n']}")
    return "ok at " + str(state["n"])
print(flaky(3))
state["n"] = 0
try:
    flaky(10)
except RuntimeError as e:
    print("RuntimeError:", e, "| context:", repr(e.__context__))
def counted(f):
    def w(*a):
        w.calls += 1
        return f(*a)
    w.calls = 0
    return w
@counted
def sq(x): return x * x
print([sq(i) for i in range(4)], sq.calls)
