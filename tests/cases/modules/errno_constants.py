# errno: every constant and the errorcode table (CPython's order and alias choices).
import errno

names = [n for n in dir(errno) if n.startswith('E')]
print(len(names), len(errno.errorcode))
for n in names:
    print(n, getattr(errno, n))
print(list(errno.errorcode.items()))
print(errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EDEADLK], errno.errorcode[errno.ENOTSUP])
print(errno.EWOULDBLOCK == errno.EAGAIN, errno.ENOENT)
print(errno.__doc__.splitlines()[0])
print(errno.__name__, type(errno.errorcode))
