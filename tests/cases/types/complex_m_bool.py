# complex.__bool__ on assorted values; each line: value, arguments, result or exception
SAMPLES = [0j, 1j, -1j, 1 + 2j, complex(-0.0, -0.0), complex(1e300, 1e300), complex(float('inf'), 1), complex(float('nan'), 0), 3.5 - 4j]
for s in SAMPLES:
    for a in [()]:
        try:
            r = repr(s.__bool__(*a))
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        print(repr(s), repr(a), r)
