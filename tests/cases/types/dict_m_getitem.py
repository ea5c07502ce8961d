# dict.__getitem__ on assorted values (each call on a fresh copy); each line: value, arguments, result, value after
SAMPLES = [{}, {'a': 1}, {'a': 1, 'b': 2, 'c': 3}, {1: 'x', 2.5: 'y', None: 'z', (1,): 't'}, dict.fromkeys(range(6))]
COPY = lambda s: dict(s)
for sample in SAMPLES:
    for a in [('a',), (1,), ('zz',), ([],)]:
        s = COPY(sample)
        kw = a[0] if len(a) == 1 and type(a[0]) is dict and a[0] and all(type(k) is str and k in ('reverse', 'key') for k in a[0]) else None
        try:
            r = repr(s.__getitem__(**kw) if kw is not None else s.__getitem__(*a))
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        print(repr(sample), repr(a), r, repr(s))
