def f(x):
    return x

value = f(
    1
) + f(
    "two"
)
