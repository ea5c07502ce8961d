# Conditional expressions evaluate only the chosen branch.
def v(x):
    print("eval", x); return x
print(v("a") if v(True) else v("b"))
print(v("a") if v(0) else v("b"))
xs = [n if n % 2 else -n for n in range(5)]
print(xs)
print((lambda n: "neg" if n < 0 else "zero" if n == 0 else "pos")(-1))
