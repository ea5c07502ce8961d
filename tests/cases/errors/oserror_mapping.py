import errno
for code in [errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EPERM, errno.EISDIR, errno.ENOTDIR, errno.EAGAIN,
             errno.ECHILD, errno.EPIPE, errno.ECONNREFUSED, errno.ECONNRESET, errno.ESRCH, errno.ETIMEDOUT, errno.EINTR, 9999]:
    e = OSError(code, "msg")
    print(code, type(e).__name__, e.errno, e.strerror, str(e))
e = OSError(2, "No such file or directory", "missing.txt")
print(type(e).__name__, e.filename, e.filename2, str(e), e.args)
e = OSError(2, "x", "a", None, "b")
print(str(e))
print(str(OSError()), str(OSError("just text")), OSError("a", "b", "c", "d", "e", "f").args)
try:
    open("/nonexistent/dir/file.txt")
except FileNotFoundError as e:
    print(repr(e), e.errno, e.filename)
try:
    open("/")
except IsADirectoryError as e:
    print(str(e))
print(issubclass(FileNotFoundError, OSError), BlockingIOError(11, "x").characters_written if False else "bio")
