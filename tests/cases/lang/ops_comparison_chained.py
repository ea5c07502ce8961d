# Chained comparisons evaluate each operand at most once and short-circuit.
def v(x):
    print("eval", x)
    return x
print(v(1) < v(2) < v(3))
print(v(1) < v(0) < v(3))
print(v(3) > v(2) == v(2) != v(5))
x = 5
print(1 < x <= 5, 1 < x < 5, 0 <= x < 10 > 2)
print(1 == 1.0 == True, "a" < "b" < "c", [1] < [1, 0] < [2])
print(1 is 1 is not None)
print(3 in [1, 3] not in [[1]])
