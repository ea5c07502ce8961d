# Errors inside comprehensions show the comprehension frame in the traceback.
def parse(items):
    return [int(s) for s in items]
print(parse(["1", "2"]))
print({s: int(s) for s in ["3"]})
print(list(int(s) for s in ["4"]))
parse(["5", "x"])
