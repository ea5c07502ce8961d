# Files written without close() are flushed when their last reference goes.
path = "/tmp/krait_lifetimes_no_close.txt"
def write(text):
    f = open(path, "w")
    f.write(text)
write("first version\n")
print(open(path).read(), end="")
open(path, "a").write("appended in one line\n")
print(open(path).read(), end="")
f = open(path, "a")
f.write("via a global\n")
f = None
print(open(path).read(), end="")
import os
os.remove(path)
