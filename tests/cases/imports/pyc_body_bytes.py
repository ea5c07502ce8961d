# The marshalled body of a .pyc written by py_compile is CPython 3.11's byte for byte (krait's
# header carries its own magic number and it appends a CRC-32 of the body: both left out here).
import hashlib
import os
import py_compile
import sys
import tempfile

SOURCE = '''
"""A module."""
import os
CONSTANT = 42
NAMES = ("alpha", "beta", "alpha")
def greet(name, *args, sep=", ", **kw):
    return f"Hello, {name}!" + sep.join(args)
class Shape:
    sides = 0
    def area(self):
        return [i * i for i in range(self.sides) if i % 2]
'''

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "sample.py")
    with open(path, "w") as f:
        f.write(SOURCE)
    for mode in (py_compile.PycInvalidationMode.TIMESTAMP, py_compile.PycInvalidationMode.CHECKED_HASH):
        cfile = py_compile.compile(path, dfile="sample.py", doraise=True, invalidation_mode=mode)
        with open(cfile, "rb") as f:
            data = f.read()
        trailer = 4 if sys.implementation.name == "krait" else 0
        body = data[16:len(data) - trailer]
        print(mode.name, len(body), hashlib.sha256(body).hexdigest(), int.from_bytes(data[4:8], "little"))
