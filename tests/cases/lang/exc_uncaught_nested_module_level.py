# Uncaught error from a lambda inside sorted, raised at module level.
records = [{"name": "b", "age": 3}, {"name": "a"}, {"name": "c", "age": 1}]
print(len(records))
ordered = sorted(records, key=lambda r: r["age"])
print(ordered)
