# An uncaught exception prints the traceback to stderr and exits 1; stdout is flushed first.
print("before")
def inner():
    raise LookupError("lost")
inner()
print("never")
