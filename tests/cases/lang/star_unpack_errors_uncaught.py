# Uncaught ValueError from unpacking too few values into a starred target.
def split_name(full):
    first, *middle, last = full.split()
    return first, middle, last
print(split_name("Ada King Lovelace"))
print(split_name("Plato"))
