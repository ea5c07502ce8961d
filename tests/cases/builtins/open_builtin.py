import os
path = "/tmp/krait_open_builtin_%d.txt" % os.getpid()
with open(path, "w") as f:
    print(f.write("line one\n"), f.write("line two\nthird"), f.writable(), f.readable(), f.mode, f.closed)
print(f.closed)
with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    print([line for line in f])
with open(path) as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.readline()), repr(f.readline()))
with open(path, "rb") as f:
    data = f.read()
    print(data, type(data).__name__, f.tell())
    f.seek(5)
    print(f.read(3))
with open(path, "a", encoding="utf-8") as f:
    f.write("\nappended é")
with open(path, encoding="utf-8") as f:
    print(f.read().splitlines())
with open(path, "wb") as f:
    f.write(bytes([0xff, 0xfe, 0x41]))
try:
    with open(path, encoding="utf-8") as f:
        f.read()
except UnicodeDecodeError as e:
    print(e)
with open(path, encoding="utf-8", errors="replace") as f:
    print(repr(f.read()))
os.remove(path)
for bad in [lambda: open(path), lambda: open(path, "rw"), lambda: open(path, "rb", encoding="utf-8"), lambda: open(3.5)]:
    try:
        bad()
    except (OSError, ValueError, TypeError) as e:
        print(type(e).__name__, str(e).replace(path, "PATH"))
f = open(os.devnull, "w")
f.close()
try:
    f.write("x")
except ValueError as e:
    print(e)
