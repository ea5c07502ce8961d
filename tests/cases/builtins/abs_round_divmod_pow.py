print(abs(-3), abs(-3.5), abs(3 + 4j), abs(True), abs(-0.0))
print(round(3.14159, 2), round(-0.5), round(1.5), round(2.5), round(25, -1), round(35, -1), round(3.7, 0))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(-1, 10 ** 30))
print(pow(2, 10), pow(2, -2), pow(2.0, 3), pow(-1, 0.5), pow(7, 2, 10), pow(2, 3, -5), pow(base=2, exp=5), pow(3, 2, mod=4))
class R:
    def __round__(self, n=None):
        return ("round", n)
    def __abs__(self):
        return "abs"
    def __divmod__(self, o):
        return ("dm", o)
    def __rdivmod__(self, o):
        return ("rdm", o)
    def __pow__(self, o, m=None):
        return ("pow", o, m)
print(round(R()), round(R(), 3), abs(R()), divmod(R(), 1), divmod(1, R()), pow(R(), 2), pow(R(), 2, 3))
for args in [("a",), (1, "b")]:
    try:
        round(*args)
    except TypeError as e:
        print(e)
for call in [lambda: abs("x"), lambda: divmod(1, 0), lambda: divmod("a", 1), lambda: pow(2, 3, 0), lambda: pow(2.0, 3, 4), lambda: pow(2, -1, 4)]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
