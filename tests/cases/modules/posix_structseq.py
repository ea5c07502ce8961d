# Struct sequences (os.stat_result, os.terminal_size, time.struct_time): construction, repr,
# hidden fields, class attributes, errors.
import posix
import time

sr = posix.stat_result
print(sr.n_sequence_fields, sr.n_fields, sr.n_unnamed_fields)
print(sr.__match_args__)
print(sr.__name__, sr.__module__, sr.__qualname__)
print(sr.__mro__)
s = sr(tuple(range(10)))
print(s)
print(len(s), s[0], s[-1], s[7:], s.st_mode, s.st_size, s.st_atime, s.st_atime_ns, s.st_rdev)
s13 = sr(tuple(range(13)))
print(s13, s13.st_atime, s13.st_mtime, s13.st_ctime, s13.st_blocks)
print(sr(tuple(range(10)), {'st_atime_ns': 5, 'st_rdev': 7, 'bogus': 1}).__reduce__())
print(s == tuple(range(10)), hash(s) == hash(tuple(range(10))), isinstance(s, tuple))
print(type(s[:3]), s[:3], s + (1,), list(s))
print(sr.st_mode.__doc__, sr.st_atime.__doc__)
print(sr.st_mode)
print(sr.__doc__.splitlines()[0])

for bad in [lambda: sr((1, 2)), lambda: sr(tuple(range(20))), lambda: sr(5), lambda: sr(tuple(range(10)), 5),
            lambda: sr(), lambda: sr(tuple(range(10)), {}, 3), lambda: sr(sequence=tuple(range(10)), x=1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

try:
    s.st_mode = 5
except AttributeError as e:
    print('AttributeError', e)
try:
    s.other = 5
except AttributeError as e:
    print('AttributeError', e)
try:
    class Sub(sr):
        pass
except TypeError as e:
    print('TypeError', e)

ts = posix.terminal_size((80, 24))
print(ts, ts.columns, ts.lines, posix.terminal_size.__match_args__, posix.terminal_size.n_fields)
try:
    posix.terminal_size((1, 2, 3))
except TypeError as e:
    print(e)
try:
    posix.terminal_size((1,))
except TypeError as e:
    print(e)
print(posix.terminal_size.__doc__)

st = time.struct_time((2000, 1, 2, 3, 4, 5, 6, 7, 0))
print(st, st.tm_zone, st.tm_gmtoff)
st2 = time.struct_time((2000, 1, 2, 3, 4, 5, 6, 7, 0, 'XYZ', 3600))
print(st2, st2.tm_zone, st2.tm_gmtoff, st2.__reduce__())
print(time.struct_time(x for x in range(9)))
print(time.struct_time([1] * 9, {'tm_zone': 'Q'}).tm_zone)
print(time.struct_time.__match_args__, time.struct_time.n_unnamed_fields)
match st:
    case time.struct_time(tm_year=y, tm_mon=m):
        print('matched', y, m)
match s:
    case (a, b, *rest):
        print('sequence', a, b, len(rest))
