def f():
    item = 1
    del item
    return item

f()
