# A generator still suspended in a global is closed when the program ends.
def gen():
    try:
        yield "first"
        yield "second"
    finally:
        print("generator finally at exit")
g = gen()
print(next(g))
print("end of program")
