# Uncaught error from inside a generator expression consumed by sum().
def weight(item):
    return item["w"] * item["n"]
items = [{"w": 1, "n": 2}, {"w": 3, "n": 4}, {"w": 5}]
print(sum(weight(i) for i in items[:2]))
total = sum(weight(i) for i in items)
