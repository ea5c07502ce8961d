# Nested replacement fields in format specs, alignment, numbers.
width, prec = 10, 3
for v in [3.14159, -2.5, 1234567.891]:
    print(f"[{v:{width}.{prec}f}] [{v:<{width}.1e}] [{v:^+{width}.2%}]")
for n in [0, 42, -255, 65535]:
    print(f"{n:#x} {n:#o} {n:#b} {n:08d} {n:,} {n:_} {n:+}")
fill = "*"
print(f"{'mid':{fill}^11}|{'l':<4}|{'r':>4}|")
print(f"{3:{'>'}{5}}")
import datetime
d = datetime.date(2024, 2, 29)
print(f"{d:%Y/%m/%d} {d!r}")
print(f"{12345.6789:=+12,.2f}")
print(f"{'x' * 3!r:>8}")
try:
    f"{5:q}"
except ValueError as e:
    print("ValueError:", e)
