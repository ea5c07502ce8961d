# A traceback through several frames, with carets on the failing expressions.
def level3(d):
    return d["key"]["inner"]
def level2(x):
    return level3({"key": x}) + 1
def level1():
    values = [None]
    return level2(values[0])
level1()
