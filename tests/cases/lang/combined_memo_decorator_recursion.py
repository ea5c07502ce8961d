# Memoizing decorator with recursion, keyword args and cache stats.
def memo(f):
    cache = {}
    hits = misses = 0
    def wrapper(*args, **kw):
        nonlocal hits, misses
        key = (args, tuple(sorted(kw.items())))
        if key in cache:
            hits += 1
            return cache[key]
        misses += 1
        cache[key] = r = f(*args, **kw)
        return r
    wrapper.stats = lambda: (hits, misses, len(cache))
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
@memo
def paths(r, c, *, blocked=()):
    if (r, c) in blocked or r < 0 or c < 0:
        return 0
    if r == 0 and c == 0:
        return 1
    return paths(r - 1, c, blocked=blocked) + paths(r, c - 1, blocked=blocked)
print(fib(80), fib.stats())
print(paths(6, 6), paths(6, 6, blocked=((3, 3),)), paths.stats())
