# Nested with: exits run in reverse order; an inner exit can suppress for outer ones.
class CM:
    def __init__(self, n, suppress=False): self.n, self.s = n, suppress
    def __enter__(self): print("enter", self.n); return self
    def __exit__(self, et, *a):
        print("exit", self.n, et.__name__ if et else None)
        return self.s
with CM(1), CM(2, suppress=True), CM(3):
    raise ValueError
print("after")
with CM("outer"):
    with CM("inner"):
        print("body")
