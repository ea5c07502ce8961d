# Uncaught TypeError: __init__ returning a value.
class Weird:
    def __init__(self):
        print("init runs")
        return 42
try:
    Weird.__new__(Weird)
    print("new ok")
except TypeError as e:
    print(e)
Weird()
