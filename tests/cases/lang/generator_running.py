# A generator cannot be re-entered while running; gi_running/gi_frame reflect state.
def g():
    yield me.gi_running
    next(me)
me = g()
print(me.gi_running)
print(next(me))
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
print(me.gi_frame)
def simple():
    yield 1
s = simple()
print(s.gi_frame is not None, s.gi_suspended if hasattr(s, "gi_suspended") else "n/a")
next(s)
print(s.gi_frame.f_lineno)
list(s)
print(s.gi_frame)
