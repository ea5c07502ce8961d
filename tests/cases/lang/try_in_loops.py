# try/except/finally inside loops with break, continue and return.
def process(items):
    out = []
    for it in items:
        try:
            if it is None:
                continue
            if it == "stop":
                break
            out.append(10 // it)
        except ZeroDivisionError:
            out.append("div0")
            continue
        except TypeError:
            out.append("type")
        finally:
            out.append(f"f{it}")
    else:
        out.append("no break")
    return out
print(process([1, None, 0, "x", 5]))
print(process([2, "stop", 3]))
def search(rows):
    for r in rows:
        for c in r:
            try:
                if c < 0:
                    return ("negative", c)
            finally:
                print("checked", c)
    return None
print(search([[1, 2], [3, -4, 5]]))
i = 0
while True:
    try:
        i += 1
        if i == 3:
            break
    finally:
        print("while finally", i)
