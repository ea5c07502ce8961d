class A:
    def __repr__(self):
        return "A()"
class B:
    def __str__(self):
        return "B-str"
class C:
    def __repr__(self):
        return "é-repr"
print(repr(A()), str(A()), str(B()), repr(B()).startswith("<__main__.B object"), ascii(C()), str(C()))
print(repr("x\ny"), ascii("x\ny"), repr(1.0), repr([A(), "s"]), str([A(), "s"]), str((B(),))[:20])
print(repr(print), repr(len), repr(int), repr(type), repr(A).replace("__main__", "M"), repr(str.upper), repr("".upper)[:37])
for cls in [A, B, C]:
    print(f"{cls()!r:.10}", end=" ")
print()
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print(e)
