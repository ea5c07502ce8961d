result = 3 * 4 + 2
print(result)
