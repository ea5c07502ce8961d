cache = {}
key = ["list", "as", "key"]
cache[key] = 1
