# Closures over generator locals and nonlocal mutation from inside generators.
def counter_gen():
    count = 0
    def bump():
        nonlocal count
        count += 1
        return count
    while count < 3:
        yield bump()
    yield f"final {count}"
print(list(counter_gen()))
def outer():
    total = 0
    def gen(items):
        nonlocal total
        for it in items:
            total += it
            yield total
    g = gen([1, 2, 3])
    print(next(g), total)
    print(list(g), total)
    return total
print(outer())
