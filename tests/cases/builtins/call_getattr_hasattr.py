# builtins: getattr hasattr over assorted values; each line: arguments, result or exception
VALUES = [0, 1, -1, 2.5, -0.0, True, None, 'abc', '', b'xy', (1, 2), [3, 1], {'k': 1}, {2, 1}, range(3), 10 ** 20, 1 + 2j, float('inf'), float('nan')]
F = lambda o, n: (hasattr(o, n), getattr(o, n, 'dflt') if not callable(getattr(o, n, None)) else 'callable')
for args in [(v, n) for v in VALUES for n in ('real', 'imag', 'append', '__len__', 'start')]:
    try:
        r = repr(F(*args))
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(repr(args), r)
