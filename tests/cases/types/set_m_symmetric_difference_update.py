# set.symmetric_difference_update on assorted values (each call on a fresh copy); each line: value, arguments, result, value after
SAMPLES = [set(), {1}, {3, 1, 2}, {'a', 'b'}, set(range(0, 40, 3)), {'n', 1.5, (1, 2)}]
COPY = lambda s: set(s)
for sample in SAMPLES:
    for a in [({1, 4},)]:
        s = COPY(sample)
        kw = a[0] if len(a) == 1 and type(a[0]) is dict and a[0] and all(type(k) is str and k in ('reverse', 'key') for k in a[0]) else None
        try:
            r = repr(s.symmetric_difference_update(**kw) if kw is not None else s.symmetric_difference_update(*a))
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        print(repr(sample), repr(a), r, repr(s))
