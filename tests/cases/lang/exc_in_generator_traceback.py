# Tracebacks through generators and yield from show each generator frame.
def inner():
    yield 1
    raise ValueError("from inner generator")
def outer():
    yield from inner()
def consume():
    for x in outer():
        print("got", x)
consume()
