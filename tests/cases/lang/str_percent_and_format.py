# %-formatting and str.format, the older formatting forms.
print("%s %r %d %5.2f %-5s| %05d %x %o %e %%" % ("s", "r", 42, 3.14159, "ab", 42, 255, 8, 12345.678))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%c%c" % (72, "i"), "%3s|%-3s|" % ("a", "b"), "%.3s" % "abcdef")
print("{} {} {}".format(1, "two", 3.0))
print("{1} {0} {1}".format("a", "b"))
print("{name} {0[1]} {obj.real}".format([1, 2], name="N", obj=3 + 4j))
print("{:>6}|{:^6}|{:<6}|".format("r", "c", "l"))
print("{!r} {!s} {!a}".format("q", "q", "é"))
for bad in [lambda: "%d" % "x", lambda: "%s %s" % ("only one",), lambda: "%s" % (1, 2),
            lambda: "{} {}".format(1), lambda: "{0} {}".format(1, 2), lambda: "{x}".format()]:
    try:
        bad()
    except (TypeError, ValueError, IndexError, KeyError) as e:
        print(type(e).__name__ + ":", e)
