# Uncaught KeyError raised in a try whose finally inspects sys.exc_info during handling.
import sys
def show():
    print(sys.exc_info()[1])
try:
    raise ValueError("a")
except ValueError:
    try:
        raise KeyError("b")
    finally:
        show()
