# Generators: pipelines of generator functions, generator expressions and yield from.


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x


def squares(source):
    for x in source:
        yield x * x


def chained(n):
    yield from count_up(n)
    yield from count_up(n // 2)


def tree(depth):
    if depth == 0:
        yield 1
        return
    yield from tree(depth - 1)
    yield from tree(depth - 1)


total = 0
for _ in range(20):
    total += sum(squares(evens(count_up(50000))))
    total += sum(x for x in chained(50000) if x & 3)
    total += sum(tree(12))
print(total)
