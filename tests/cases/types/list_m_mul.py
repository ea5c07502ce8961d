# list.__mul__ on assorted values (each call on a fresh copy); each line: value, arguments, result, value after
SAMPLES = [[], [1], [3, 1, 2], [1, 'a', None], [2, 2, 2], list(range(10))]
COPY = lambda s: list(s)
for sample in SAMPLES:
    for a in [(2,), (-1,)]:
        s = COPY(sample)
        kw = a[0] if len(a) == 1 and type(a[0]) is dict and a[0] and all(type(k) is str and k in ('reverse', 'key') for k in a[0]) else None
        try:
            r = repr(s.__mul__(**kw) if kw is not None else s.__mul__(*a))
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        print(repr(sample), repr(a), r, repr(s))
