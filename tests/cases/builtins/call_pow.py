# builtins: pow over assorted values; each line: arguments, result or exception
VALUES = [0, 1, -1, 2.5, -0.0, True, None, 'abc', '', b'xy', (1, 2), [3, 1], {'k': 1}, {2, 1}, range(3), 10 ** 20, 1 + 2j, float('inf'), float('nan')]
F = pow
for args in [(a, b) for a in (0, 2, -3, 0.5, -8.0, 1j) for b in (0, 3, -1, 0.5, 10 ** 20 if False else 100)] + [(3, 4, 5), (3, -1, 7), (2, 3, 0), (2.0, 3, 5), (0, 0), (0.0, -1.5)]:
    try:
        r = repr(F(*args))
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(repr(args), r)
