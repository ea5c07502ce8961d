print(True + True, True * 3, -True, ~True, True / 2, True // 2, True & False, True | False, True ^ True)
print(repr(True), str(False), int(True), float(False), bool(), bool(0.0), bool(""), bool([0]))
print(type(True & True), type(True + 0), type(True | 2), type(~False))
print(True == 1, False == 0, hash(True), hash(False), {True: "a", 1: "b"})
print(bool.__mro__, isinstance(False, int), True is not False)
print(format(True, "d"), format(True, ">5"), f"{True!r:>6}", "%d %s" % (True, True))
try:
    class B(bool):
        pass
except TypeError as e:
    print(e)
print(bool.__name__, True.real, True.imag, True.numerator, True.bit_length())
print(sum([True, True, False]), max(True, 0), sorted([True, False, 0, 1]))
