# Plain recursion, mutual recursion, and the RecursionError at the limit.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(30))
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(15)])
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(100), is_odd(77))
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__, e)
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
print(deep(500))
