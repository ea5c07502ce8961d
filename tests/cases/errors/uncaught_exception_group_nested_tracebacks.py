def fail(n):
    raise ValueError(f"task {n}")

excs = []
for i in range(2):
    try:
        fail(i)
    except ValueError as e:
        excs.append(e)

raise ExceptionGroup("tasks failed", excs)
