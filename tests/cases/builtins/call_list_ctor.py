# builtins: list ctor over assorted values; each line: arguments, result or exception
VALUES = [0, 1, -1, 2.5, -0.0, True, None, 'abc', '', b'xy', (1, 2), [3, 1], {'k': 1}, {2, 1}, range(3), 10 ** 20, 1 + 2j, float('inf'), float('nan')]
F = list
for args in [(v,) for v in VALUES] + [()]:
    try:
        r = repr(F(*args))
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(repr(args), r)
