x = 1234.5678
for spec in ["", "f", ".2f", "10.3f", "<10.1f", "^12.2e", "+.3g", "e", "E", "g", "G", "%", ".1%", ",.2f", "_.3f", "015.4f", "n", "#.0f", " .2f", "z.1f"]:
    print(repr(spec), repr(format(x, spec)), repr(format(-x, spec)))
for v in [0.0, -0.0, 1e-7, 1e16, 123456789.0, float("inf"), float("-inf"), float("nan"), -0.00001]:
    print(repr(format(v, "")), repr(format(v, "g")), repr(format(v, ".3")), repr(format(v, "z.2f")), repr(format(v, "010.2e")))
print("{:.3}".format(3.14159), "{:10.4}".format(2.0), "{:#g}".format(1.0), "{:.0e}".format(12345.0))
