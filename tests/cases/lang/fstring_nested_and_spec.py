# Nested replacement fields in format specs, conversions with specs, '=' forms.
width, prec = 10, 3
value = 3.14159265
print(f"[{value:{width}.{prec}f}]")
print(f"[{value:>{width}}]")
print(f"[{'abc'!r:>8}] [{'abc'!s:^7}] [{'é'!a:<6}]")
print(f"{value = :.2f}")
print(f"{value=!s:>12}")
print(f"{ value = }")
items = ["a", "b"]
print(f"{', '.join(f'<{x}>' for x in items)}")
print(f"{'{'}{'}'}")
print(f"{width:{'0'}>{prec + 2}}")
n = 5
print(f"{n:#0{width}b}")
print(f"{3 + 4 = }", f"{n=!r}")
print(f"{dict(a=1)['a']}", f"{[1, 2][-1]}")
