# A hand-written wraps/memoize decorator pair with arguments.
def wraps(orig):
    def apply(wrapper):
        wrapper.__name__ = orig.__name__
        wrapper.__doc__ = orig.__doc__
        wrapper.__wrapped__ = orig
        return wrapper
    return apply
def memoize(fn):
    cache = {}
    @wraps(fn)
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memoize
def fib(n):
    "fibonacci"
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.__name__, fib.__doc__, len(fib.cache))
print(fib.__wrapped__(10))
def repeat(times):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(times)]
        return w
    return deco
@repeat(3)
def hello(n): return "hi" * n
print(hello(2))
