# break/continue inside try/finally in for and while loops.
log = []
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        log.append(("body", i))
    finally:
        log.append(("fin", i))
print(log)
n = 0
while True:
    n += 1
    try:
        try:
            if n % 2:
                continue
            if n > 4:
                break
        finally:
            print("inner", n)
    finally:
        print("outer", n)
print("n", n)
def exc_then_break():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return "broke out, exception discarded", i
print(exc_then_break())
def cont_in_finally():
    out = []
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            out.append(i)
            continue
    return out
print(cont_in_finally())
