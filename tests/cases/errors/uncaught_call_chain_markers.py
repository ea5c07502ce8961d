def first(x):
    return second(x) * 2

def second(x):
    return third(x) + 1

def third(x):
    return int(x)

print(first("5"))
print(first("five"))
