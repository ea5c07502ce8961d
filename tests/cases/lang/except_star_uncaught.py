# Uncaught remainder of an ExceptionGroup after except* prints a group traceback.
def task(i):
    if i % 2:
        raise ValueError(f"odd {i}")
    raise KeyError(i)
def gather():
    errs = []
    for i in range(3):
        try:
            task(i)
        except Exception as e:
            errs.append(e)
    raise ExceptionGroup("tasks failed", errs)
try:
    gather()
except* ValueError as eg:
    print("handled", len(eg.exceptions), "ValueErrors")
