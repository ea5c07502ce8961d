# atexit: register returns func, unregister removes every registration, _run_exitfuncs runs
# last-first and empties the list; errors (SystemExit too) are reported and the rest still run.
import atexit, sys
def f(): print("f")
def g(*a, **k): print("g", a, sorted(k.items()))
print(atexit.register(f) is f)
atexit.register(g, 1, x=2)
atexit.register(f)
print(atexit._ncallbacks())
atexit.unregister(f)
print(atexit._ncallbacks())
for bad in ("atexit.register(1)", "atexit.register()", "atexit.unregister()", "atexit._run_exitfuncs(1)"):
    try:
        eval(bad)
    except TypeError as e:
        print(bad, "TypeError", e)
def late(): print("late: must not run")
def reg(): print("reg"); atexit.register(late)
def ex(): sys.exit(3)
atexit.register(reg)
atexit.register(ex)
atexit._run_exitfuncs()
print(atexit._ncallbacks())
atexit.register(print, "at exit", "with", "args", sep="-")
atexit._clear()
atexit.register(print, "really at exit", sep="-")
print("end")
