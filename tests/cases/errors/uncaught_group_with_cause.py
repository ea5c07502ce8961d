def worker(n):
    if n == 2:
        raise RuntimeError(f"worker {n} failed")
    return n

errors = []
for i in range(4):
    try:
        worker(i)
    except RuntimeError as e:
        errors.append(e)

try:
    {}["x"]
except KeyError as k:
    raise ExceptionGroup("workers", errors) from k
