def größe(wert):
    return wert["länge"]

print(größe({"länge": 3}))
größe({})
