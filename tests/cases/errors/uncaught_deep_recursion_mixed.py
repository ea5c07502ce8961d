def ping(n):
    if n == 0:
        raise OverflowError("bottom reached")
    return pong(n - 1)

def pong(n):
    return ping(n)

ping(5)
