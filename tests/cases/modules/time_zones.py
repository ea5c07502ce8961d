# time with explicit POSIX TZ rules (no tz database needed): tzset, the zone attributes,
# localtime/mktime/strftime/ctime across a DST change, southern-hemisphere rules.
import posix
import time

for tz in ('UTC0', 'EST+05EDT,M3.2.0,M11.1.0', 'AEST-10AEDT,M10.1.0,M4.1.0/3', 'IST-05:30', 'XYZ+3'):
    posix.putenv('TZ', tz)
    time.tzset()
    print(tz, time.timezone, time.altzone, time.daylight, time.tzname)
    for t in (0, 1_000_000_000, 1_200_000_000, 1_690_000_000):
        lt = time.localtime(t)
        print(' ', lt, lt.tm_zone, lt.tm_gmtoff)
        print(' ', time.mktime(lt), time.strftime('%Y-%m-%d %H:%M:%S %Z %z', lt), time.ctime(t))
    print(' ', time.mktime((2021, 3, 14, 2, 30, 0, 0, 0, -1)), time.mktime((2021, 7, 1, 12, 0, 0, 0, 0, 1)))
    print(' ', time.strftime('%Z', (2021, 7, 1, 12, 0, 0, 0, 0, 1)), time.asctime(time.localtime(1_500_000_000)))
posix.unsetenv('TZ')
