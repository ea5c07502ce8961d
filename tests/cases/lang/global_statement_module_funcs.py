# global declarations create, rebind and delete module names from functions.
def create():
    global created
    created = "made"
def rebind():
    global counter
    counter = counter + 1
def remove():
    global created
    del created
counter = 0
create()
print(created)
for _ in range(3):
    rebind()
print(counter)
remove()
print("created" in globals())
try:
    remove()
except NameError as e:
    print("NameError:", e)
def nested():
    def inner():
        global counter
        counter = 100
    inner()
    return counter
print(nested(), counter)
exec("global counter\ncounter = 'from exec'")
print(counter)
