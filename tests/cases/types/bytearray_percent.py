# printf-style formatting of bytes and bytearray
def show(label, f):
    try:
        r = f()
        print(label, '->', repr(r))
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)

class B:
    def __bytes__(self):
        return b'BB'

class C:
    def __bytes__(self):
        return 'not bytes'

for fmt, args in [
    (b'%s', b'x'), (b'%b', bytearray(b'y')), (b'%s', memoryview(b'z')), (b'%s', B()), (b'%s', C()), (b'%s', 1),
    (b'%r', 'é'), (b'%a', 'é'), (b'%r', b'q'), (b'%c', 65), (b'%c', b'z'), (b'%c', 256), (b'%c', b'ab'), (b'%c', 'a'),
    (b'%d %i %u', (1, -2, 3)), (b'%x %X %o', (255, 255, 8)), (b'%#x %#o', (255, 8)), (b'%05d|%-5d|%+d', (42, 42, 42)),
    (b'%e %f %g', (1.5, 2.25, 1e20)), (b'%.2f', 3.14159), (b'%*d', (6, 1)), (b'%-*.*s|', (6, 2, b'abcdef')),
    (b'%5s|%-5s|', (b'ab', b'cd')), (b'%(a)s and %(b)d', {b'a': b'A', b'b': 2}), (b'%(a)s', {'a': b'str key'}),
    (b'%s %s', (b'one',)), (b'%s', (b'a', b'b')), (b'no args', ()), (b'no args', 5), (b'no args', {}),
    (b'%y', 1), (b'%', 1), (b'100%%', ()), (b'%d', b'1'), (b'%d', 'x'), (b'%x', 1.5), (b'%i', 3.7),
    (b'\xff%s\x00', b'\xfe'), (b'%s', ()), (b'%(x', {b'x': 1}), (b'%(k)s', (1,)),
]:
    show(repr(fmt) + ' % ' + repr(args), lambda: fmt % args)
show('bytearray', lambda: bytearray(b'%s-%s') % (b'a', bytearray(b'b')))
show('rmod', lambda: 5 % b'x')
show('dunder', lambda: b'%d'.__mod__(7))
show('rmod dunder', lambda: b'x'.__rmod__(1))
# flags, widths, precisions; 'z' (no negative zero) is a flag of bytes formatting in 3.11
for fmt, args in [(b'%5c|%-3c|', (65, b'z')), (b'%.3r|%-8a|', ('abcdef', 'é')), (b'%(a)s %% %(b)r', {b'a': b'1', b'b': 'x'}),
                  (b'%s %(a)s', {b'a': 1}), (b'%(a)d', {b'a': 5}), (b'%#5x|%-#8o|%+.3d', (10, 8, 7)), (b'%c', (255,)),
                  (b'%c', True), (b'%10.4f|%-10e|%G', (3.14159, 1e-5, 1e100)), (b'%ld %hd %Ld', (1, 2, 3)),
                  (b'%*s', (-5, b'ab')), (b'%.*s', (1, b'ab')), (b'%s%', (b'a',)), (b'%(a', {}), (b'%s', [b'list']),
                  (b'%d%%', 50), (b'%d', 2 ** 100), (b'%x', -255), (b'%i', '1'), (b'%u', 'x'),
                  (b'%zf', -0.0), (b'%z.1f', -0.04), (b'%zd', 0), (b'%z5.2e|', -0.001), (b'%-z5.1f|', -0.01), (b'%zg', -1e-30),
                  (b'%zq', 1), (b'%zzf', -0.0), (b'%z.*f', (1, -0.01)), (b'%(a)zq', {b'a': 1}), (b'%(b)s', {b'a': 1}),
                  (b'%z', 1), (b'%z#.0f', -0.4)]:
    show(repr(fmt) + ' % ' + repr(args), lambda: fmt % args)
