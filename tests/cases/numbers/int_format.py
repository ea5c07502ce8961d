# Differential checks of the numeric types (recorded from CPython 3.11).
def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

show("format(3, '.2')", lambda: (format(3, '.2')))
show("format(3, 's')", lambda: (format(3, 's')))
show("format(3, ',c')", lambda: (format(3, ',c')))
show("(3).__format__('')", lambda: ((3).__format__('')))
show("format(10**30, ',')", lambda: (format(10**30, ',')))
show("format(True, ''), format(True, 'd'), str(True), repr(False), format(True, '^6')", lambda: (format(True, ''), format(True, 'd'), str(True), repr(False), format(True, '^6')))
show("format(1, 'xx')", lambda: (format(1, 'xx')))
show("format(1, '=')", lambda: (format(1, '=')))
show("format(1, '_,')", lambda: (format(1, '_,')))
show("format(1, 'z')", lambda: (format(1, 'z')))
show("format(1, '.2f'), format(1, 'e'), format(10**400, 'e') if 0 else 0", lambda: (format(1, '.2f'), format(1, 'e'), format(10**400, 'e') if 0 else 0))
show("format(10**400, '.3e')", lambda: (format(10**400, '.3e')))
show("'%c' % 65", lambda: ('%c' % 65))
show("format(2**64, 'c')", lambda: (format(2**64, 'c')))
show("format(-1, 'c')", lambda: (format(-1, 'c')))
show("'{0}'.format(10**20), 10**20 // 3, -(10**20) // 3, 10**20 % -7, divmod(-10**20, 7)", lambda: ('{0}'.format(10**20), 10**20 // 3, -(10**20) // 3, 10**20 % -7, divmod(-10**20, 7)))
