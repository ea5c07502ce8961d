# A small example program.
def greet(name: str, *, punctuation: str = "!") -> str:
    return f"Hello, {name}{punctuation}"

for who in ["world", "krait"]:
    print(greet(who))
