# __iter__ written as a generator; iterating twice gives fresh generators.
class Fib:
    def __init__(self, n): self.n = n
    def __iter__(self):
        a, b = 0, 1
        for _ in range(self.n):
            yield a
            a, b = b, a + b
f = Fib(10)
print(list(f), sum(f), max(f))
print(list(zip(f, "abc")))
it = iter(f)
print(next(it), next(it), iter(it) is it)
