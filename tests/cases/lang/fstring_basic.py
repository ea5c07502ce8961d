# f-strings: expressions, conversions, nested quotes, braces, self-documenting =.
name = "world"
n = 42
items = [1, 2]
print(f"hello {name}!")
print(f"{n + 1} {n * 2:5d} {items[0]} {len(items)}")
print(f"{name!r} {name!s} {'ü'!a}")
print(f"{{literal braces}} {{{n}}}")
print(f"{n=} {name=!r} {n * 2 = }")
print(f"{'nested ' + 'quotes'}")
d = {"key": "value"}
print(f"{d['key']}")
print(f"{(lambda: 'lambda in parens')()}")
print(f"{n:{'>'}{10}}|")
print(f"""multi
{name}""")
print(f"{3.14159:.2f} {1e6:,.0f} {255:#x} {255:08b} {-5:+d}")
x = 3
print(f"{x!r:>5}|{x:<5}|{x:^5}|")
