print(len("abc"), repr("x"), ascii("é"), abs(-3), min(3, 1, 2), max([1, 5, 2]), sum([1, 2, 3], 10))
print(min([], default="empty"), max("abc", key=lambda c: -ord(c)), sorted([3, 1, 2], reverse=True))
print(list(enumerate("ab", 1)), list(zip([1, 2], "ab")), list(map(lambda a, b: a + b, [1, 2], [3, 4])))
print(list(filter(None, [0, 1, 2, ""])), list(reversed([1, 2, 3])), list(reversed(range(3))))
print(divmod(7, 2), divmod(-7, 2), pow(2, 10), pow(2, 10, 1000), round(2.675, 2), round(7.5))
print(chr(65), ord("A"), bin(10), oct(8), hex(255), format(3.14159, ".2f"), format(42))
print(any([0, 1]), all([1, 0]), callable(len), callable(1), hash(1) == hash(1.0))
print(getattr(1, "real"), getattr(1, "nope", "default"), hasattr("", "upper"))
print(isinstance(1, (str, int)), issubclass(bool, int), type(1), type("x").__name__)
print(eval("1 + 2"), eval("x * 2", {"x": 21}))
ns = {}
exec("def sq(n):\n    return n * n\nresult = sq(7)", ns)
print(ns["result"])
code = compile("a + 1", "<test>", "eval")
print(eval(code, {"a": 1}))
print(dir(object())[:3], vars(type("T", (), {"q": 1}))["q"])
print(iter([1]).__next__(), next(iter([]), "dflt"))
print("sep", "end", sep="-", end="!\n")
for bad in ["min()", "max([])", "sum(['a'], '')", "chr(-1)", "ord('ab')", "next(1)", "divmod('a', 1)"]:
    try:
        eval(bad)
    except (TypeError, ValueError) as e:
        print(bad, "->", type(e).__name__, e)
