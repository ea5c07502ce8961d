# Buffered data stays invisible to other handles until the writer is flushed or dropped.
path = "/tmp/krait_lifetimes_two_handles.txt"
w = open(path, "w")
w.write("buffered text")
print(repr(open(path).read()))
w.flush()
print(repr(open(path).read()))
w.write(" + more")
del w
print(repr(open(path).read()))
print(open(path).closed)
import os
os.remove(path)
