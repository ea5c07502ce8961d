# A program with a syntax error fails before running anything.
print("this line never runs")
def f():
    return 1
x = (1 +
y = 2
