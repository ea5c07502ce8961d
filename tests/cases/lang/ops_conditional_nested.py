# Conditional expressions: nesting, laziness, precedence.
def sign(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"
print([sign(n) for n in (-2, 0, 5)])
def boom():
    raise RuntimeError("evaluated!")
print(1 if True else boom(), (boom() if False else "lazy"))
x = 5
print(x if x > 3 else -x + 100, (x if x > 10 else 0) + 1)
f = (lambda: "a") if x else (lambda: "b")
print(f())
print([a if a % 2 else -a for a in range(5)])
print({k: ("even" if k % 2 == 0 else "odd") for k in range(3)})
y = not x if x < 0 else not not x
print(y, "yes" if [] else "no", "yes" if [0] else "no")
