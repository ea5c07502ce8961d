# break/continue crossing try/except/finally and with blocks in loops.
class CM:
    def __init__(self, n): self.n = n
    def __enter__(self): return self
    def __exit__(self, *a):
        print("exit", self.n)
        return False
out = []
for i in range(6):
    with CM(i):
        try:
            if i == 0:
                raise ValueError
            if i == 2:
                continue
            if i == 4:
                break
            out.append(i)
        except ValueError:
            out.append("err")
            continue
        finally:
            out.append(f"f{i}")
print(out)
i = 0
while i < 10:
    i += 1
    try:
        try:
            if i == 3:
                raise KeyError(i)
        finally:
            if i == 5:
                break
    except KeyError:
        print("keyerror", i)
        continue
print("stopped at", i)
