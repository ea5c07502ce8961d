def inner(d):
    return d["a"]["b"]["c"]

def outer():
    data = {"a": {"b": {}}}
    return inner(data)

outer()
