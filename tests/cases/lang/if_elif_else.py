# if/elif/else chains and truthiness of various values.
def classify(x):
    if x is None:
        return "none"
    elif isinstance(x, bool):
        return "bool"
    elif isinstance(x, int) and x < 0:
        return "negative"
    elif x == 0:
        return "zero"
    else:
        return "other"
for x in [None, True, -3, 0, 0.0, "s"]:
    print(repr(x), classify(x))
for val in [0, 1, "", "a", [], [0], {}, {0: 0}, (), 0.0, 1j, None, range(0), range(1)]:
    if val:
        print(repr(val), "truthy")
    else:
        print(repr(val), "falsy")
if 1:
    pass
print("done")
