# f-string conversions !r/!s/!a and the = specifier.
name = "Zoë"
val = 3.14159
items = ["a", "b"]
print(f"{name!r} {name!s} {name!a}")
print(f"{name=} {val=:.2f} {items=!s}")
print(f"{val = }")
print(f"{1 + 2 = }")
print(f"{name=!a:>12}")
class R:
    def __repr__(self): return "R<repr>"
    def __str__(self): return "R<str>"
    def __format__(self, spec): return f"R<fmt {spec!r}>"
r = R()
print(f"{r} {r!r} {r!s} {r:xyz} {r=}")
print(f"{'nested ' + f'{name!r}'}")
print(f"{{literal}} {{{val:.1f}}}")
