# int.__lshift__ on assorted values; each line: value, arguments, result or exception
SAMPLES = [0, 1, -1, 7, -128, 255, 2 ** 31, 2 ** 63 - 1, -(2 ** 63), 2 ** 64, 10 ** 30, -(3 ** 70), True]
for s in SAMPLES:
    for a in [(1,), (64,), (-1,)]:
        try:
            r = repr(s.__lshift__(*a))
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        print(repr(s), repr(a), r)
