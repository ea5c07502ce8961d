# Differential checks of the numeric types (recorded from CPython 3.11).
def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

show('range(0,10,2), range(5), range(1,5), len(range(10**20)), range(0,10,3)[1:5], range(10)[::-1]', lambda: (range(0,10,2), range(5), range(1,5), len(range(10**20)), range(0,10,3)[1:5], range(10)[::-1]))
show('range(0,10,0)', lambda: (range(0,10,0)))
show('range(10)[20]', lambda: (range(10)[20]))
show('range(5).index(7)', lambda: (range(5).index(7)))
show('slice(1,2), slice(None, 5, None).indices(10), slice(1,2,0).indices(5)', lambda: (slice(1,2), slice(None, 5, None).indices(10), slice(1,2,0).indices(5)))
show('slice(-100, 100, -1).indices(10)', lambda: (slice(-100, 100, -1).indices(10)))
show('hash(slice(1,2))', lambda: (hash(slice(1,2))))
show('range(5, 0, -2), list(range(5,0,-2)), repr(range(0, 5, 1)), range(-3)', lambda: (range(5, 0, -2), list(range(5,0,-2)), repr(range(0, 5, 1)), range(-3)))
show('range(10**20)[5], range(10**20)[-1], len(range(0, 10**20, 3)) if 0 else 1', lambda: (range(10**20)[5], range(10**20)[-1], len(range(0, 10**20, 3)) if 0 else 1))
show('len(range(10**20))', lambda: (len(range(10**20))))
show('range(1,2,3).__reduce__()', lambda: (range(1,2,3).__reduce__()))
show('range(3).count(1), range(3).count(1.0), 2.0 in range(3), range(3).index(True)', lambda: (range(3).count(1), range(3).count(1.0), 2.0 in range(3), range(3).index(True)))
show('range(5)[1.5]', lambda: (range(5)[1.5]))
show("range(5)['a']", lambda: (range(5)['a']))
show('range(2**63)[2**63-1]', lambda: (range(2**63)[2**63-1]))
show('slice(1, 2, 3), repr(slice(None)), slice(1,2)==slice(1,2), slice(1,2)<slice(1,3)', lambda: (slice(1, 2, 3), repr(slice(None)), slice(1,2)==slice(1,2), slice(1,2)<slice(1,3)))
show('slice(1.5, 2).indices(5)', lambda: (slice(1.5, 2).indices(5)))
show('slice(None).indices(-1)', lambda: (slice(None).indices(-1)))
