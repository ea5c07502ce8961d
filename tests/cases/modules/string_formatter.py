# string.Formatter over the native _string helpers (formatter_parser, formatter_field_name_split).
import _string
import string


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __format__(self, spec):
        return f"<{self.x},{self.y}:{spec}>"


f = string.Formatter()
p = Point(1, 2)
print(f.format("plain text"))
print(f.format("{} and {}", "a", "b"))
print(f.format("{1} {0} {1}", "x", "y"))
print(f.format("{name}={value!r}", name="k", value="v"))
print(f.format("{0!s} {0!r} {0!a}", "é"))
print(f.format("{0:>8}|{0:<8}|{0:^8}|", "mid"))
print(f.format("{0:{1}{2}}", 3.14159, ">12", ".3f"))
print(f.format("{:{}}", "w", 6) + "|")
print(f.format("{p.x} {p.y} {p}", p=p))
print(f.format("{0[1]} {0[2][k]} {1[key]}", [0, "one", {"k": "kay"}], {"key": "dict"}))
print(f.format("{0.x:03d}", p))
print(f.format("{{literal}} {{{0}}}", "in braces"))
print(f.format("{0!r:>14}", p))
print(f.format("{:%Y}", __import__("datetime").date(2020, 5, 17)))
print(f.vformat("{a}-{b}", (), {"a": 1, "b": 2}))


# Subclassing: get_value, convert_field, format_field, check_unused_args.
class Upper(string.Formatter):
    def get_value(self, key, args, kwargs):
        print("get_value", repr(key))
        return super().get_value(key, args, kwargs)

    def convert_field(self, value, conversion):
        if conversion == "u":
            return str(value).upper()
        return super().convert_field(value, conversion)

    def format_field(self, value, spec):
        return "[" + super().format_field(value, spec) + "]"

    def check_unused_args(self, used, args, kwargs):
        print("used", sorted(map(str, used)))


u = Upper()
print(u.format("{0!u} {name!u:>6} {1}", "abc", 7, name="xy"))
print(u.format("{0.x}{0.y}", p))

# The parser itself.
print(list(_string.formatter_parser("a{{b}}c{0!r:>{1}}d{x.y[2]}e{}")))
print(list(_string.formatter_parser("")), list(_string.formatter_parser("{:}{!r}")))
first, rest = _string.formatter_field_name_split("0.attr[key][3]")
print(first, type(rest).__name__, list(rest))
print(_string.formatter_field_name_split("name")[0], list(_string.formatter_field_name_split("")[1]))
print(type(_string.formatter_parser("x")).__name__)

# Errors: the messages of str.format's parser.
bad_formats = ["}", "a}", "{", "a{", "{0", "{0!", "{0!r", "{0!rx}", "{a{}", "{0:{", "{0[}",
               "{0.}", "{0[]}", "{0[1]x}", "{0!z}", "{0:{1:{2}}}", "{} {0}", "{0} {}"]
for s in bad_formats:
    try:
        print(repr(s), repr(f.format(s, [1, 2], 3, 4)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)
    try:
        s.format([1, 2], 3, 4)
        print("  str.format: ok")
    except Exception as e:
        print("  str.format:", type(e).__name__, e)

for arg in [None, 3, b"{0}"]:
    for fn in (_string.formatter_parser, _string.formatter_field_name_split):
        try:
            fn(arg)
        except TypeError as e:
            print(fn.__name__, "TypeError:", e)
try:
    f.format("{x}")
except KeyError as e:
    print("KeyError:", e)
try:
    f.format("{5}", 1)
except IndexError as e:
    print("IndexError:", e)

# The iterator is lazy: chunks before an error are produced.
it = _string.formatter_parser("ok{0}then}")
print(next(it))
try:
    next(it)
except ValueError as e:
    print("ValueError:", e)
print(list(it))
first, rest = _string.formatter_field_name_split("a.b..c")
print(first, next(rest))
try:
    next(rest)
except ValueError as e:
    print("ValueError:", e)
print(list(_string.formatter_field_name_split("٣[٤]")[1]), _string.formatter_field_name_split("٣")[0])
for s in ["99999999999999999999999", "a[99999999999999999999999]"]:
    try:
        print(list(_string.formatter_field_name_split(s)[1]))
    except ValueError as e:
        print("ValueError:", e)
print("{٣}".format(*range(5)), "{0[٢]}".format("abc"))
