# global binds names in module scope from inside functions.
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
def create():
    global created
    created = "made in function"
create()
print(created)
def reader():
    return counter * 10
print(reader())
def shadow():
    counter = -1
    return counter
print(shadow(), counter)
def deleter():
    global created
    del created
deleter()
try:
    created
except NameError as e:
    print("NameError:", e)
print(sorted(k for k in globals() if not k.startswith("__")))
