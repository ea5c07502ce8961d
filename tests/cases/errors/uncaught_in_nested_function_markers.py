def make_handler(key):
    def handler(payload):
        return payload[key].strip()
    return handler

h = make_handler("name")
print(h({"name": "  ok  "}))
print(h({"name": 5}))
