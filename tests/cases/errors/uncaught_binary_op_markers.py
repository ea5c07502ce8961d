a = {"x": [1, 2]}
b = None
result = a["x"][0] + b
