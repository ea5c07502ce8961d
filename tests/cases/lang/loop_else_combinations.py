# for/while else clauses with break, continue, and return.
def find(items, target):
    for i, it in enumerate(items):
        if it == target:
            print("found at", i)
            break
    else:
        print("not found")
        return -1
    return i
print(find("abc", "b"), find("abc", "z"), find("", "a"))
n = 0
while n < 3:
    n += 1
    if n == 2:
        continue
else:
    print("while else ran, n =", n)
while True:
    break
else:
    print("never")
for i in range(3):
    for j in range(3):
        if i * j == 2:
            break
    else:
        print("inner completed for i =", i)
        continue
    print("inner broke at", i, j)
    break
