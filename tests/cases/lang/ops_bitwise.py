# Bitwise operators, shifts and their errors.
print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010)
print(1 << 70, (1 << 70) >> 68, -1 >> 5, -16 >> 2, -1 << 3)
print(~0, ~255, -5 & 0xFF, -5 | 3, -5 ^ -3)
print(True & False, True | False, True ^ True, type(True & True).__name__)
print(True + True, type(True + 1).__name__)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    1.0 & 1
except TypeError as e:
    print("TypeError:", e)
print({1, 2} & {2, 3}, {1} | {2}, {1, 2} ^ {2, 3})
