# Division by zero raises ZeroDivisionError with per-operator messages.
def attempt(expr):
    try:
        print(eval(expr))
    except ZeroDivisionError as e:
        print(expr, "->", e)
for expr in ["1 / 0", "1 // 0", "1 % 0", "divmod(1, 0)", "1.0 / 0", "1.0 // 0.0",
             "1.5 % 0", "0 ** -1", "0.0 ** -1", "(1+2j) / 0"]:
    attempt(expr)
x = 10
print(x // 0)
