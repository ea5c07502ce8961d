items = [3, 1, 2]
result = items.sort()
print(result[0])
