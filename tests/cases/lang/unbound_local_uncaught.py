# Uncaught UnboundLocalError from augmented assignment to a global.
total = 10
def add(n):
    total += n
    return total
print("start")
add(5)
