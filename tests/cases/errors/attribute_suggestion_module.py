import math
print(math.pi)
print(math.sine(1))
