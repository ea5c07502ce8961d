# Uncaught error raised while executing a nested class body.
def helper(v):
    return 10 // v
class Outer:
    a = helper(5)
    class Inner:
        b = helper(2)
        c = helper(0)
print("unreachable")
