# An indentation error is reported with its line.
def f():
    x = 1
      y = 2
    return x
