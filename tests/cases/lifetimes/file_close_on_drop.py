import os, tempfile
path = os.path.join(tempfile.mkdtemp(), "out.txt")
def write():
    f = open(path, "w")
    f.write("written without close\n")
write()
with open(path) as f:
    print(f.read(), end="")
f = open(path, "a")
f.write("second\n")
del f
print(open(path).read(), end="")
os.remove(path)
os.rmdir(os.path.dirname(path))
