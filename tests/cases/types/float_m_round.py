# float.__round__ on assorted values; each line: value, arguments, result or exception
SAMPLES = [0.0, -0.0, 1.0, -2.5, 0.1, 1e300, 5e-324, 2.2250738585072014e-308, 123456.789, float('inf'), float('-inf'), float('nan'), 2.0 ** 53, 1e22]
for s in SAMPLES:
    for a in [(), (0,), (1,), (-1,), (5,), (-300,), (None,)]:
        try:
            r = repr(s.__round__(*a))
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        print(repr(s), repr(a), r)
