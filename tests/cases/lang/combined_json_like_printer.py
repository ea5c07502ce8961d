# A recursive pretty printer using match, generators and f-strings.
def render(v, indent=0):
    pad = "  " * indent
    match v:
        case None | True | False:
            yield pad + {None: "null", True: "true", False: "false"}[v]
        case int() | float():
            yield pad + (f"{v:g}" if isinstance(v, float) else str(v))
        case str():
            yield pad + '"' + v.replace('"', '\\"') + '"'
        case dict():
            yield pad + "{"
            for k, item in v.items():
                lines = list(render(item, indent + 1))
                yield f"{pad}  {k!r}: {lines[0].strip()}"
                yield from lines[1:]
            yield pad + "}"
        case list() | tuple():
            yield pad + "["
            for item in v:
                yield from render(item, indent + 1)
            yield pad + "]"
        case _:
            raise TypeError(f"cannot render {type(v).__name__}")
doc = {"name": "krait", "tags": ["py", 3.11, None], "ok": True, "nested": {"q": 'say "hi"', "n": 1e-7}}
print("\n".join(render(doc)))
try:
    list(render({"s": {1, 2}}))
except TypeError as e:
    print("TypeError:", e)
