def area(r):
    return 3.14 * r ** 2

print(area(2))
