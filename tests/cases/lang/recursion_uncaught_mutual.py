# Uncaught RecursionError through mutual recursion (traceback repeats are collapsed).
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n + 1)
print(is_even(4) if False else "go")
is_even(3)
