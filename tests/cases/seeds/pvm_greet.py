# The page lost the indentation and the call; this is the example as intended.
def greet(name):
    return f"Hello, {name}!"


print(greet("Alice"))
