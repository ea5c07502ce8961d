# __repr__ and __str__ and their fallbacks in print, str, repr, f-strings, containers.
class Both:
    def __repr__(self): return "Both-repr"
    def __str__(self): return "Both-str"
class ReprOnly:
    def __repr__(self): return "ReprOnly-repr"
class StrOnly:
    def __str__(self): return "StrOnly-str"
b, r, s = Both(), ReprOnly(), StrOnly()
print(b, r, str(b), repr(b), str(r))
print([b, r], (b,), {1: b})
print(f"{b} {b!r} {r} {b!s}")
print(str(s), repr(s).startswith("<__main__.StrOnly object at"))
class BadRepr:
    def __repr__(self): return 42
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
class BadStr:
    def __str__(self): return None
try:
    print(BadStr())
except TypeError as e:
    print("TypeError:", e)
