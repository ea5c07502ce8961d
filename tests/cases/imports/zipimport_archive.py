# Importing from a zip archive on sys.path (zipimport is the first of sys.path_hooks): modules,
# packages, stored and deflated members, a .pyc inside, get_data, missing names, a bad archive.
import importlib
import os
import sys
import tempfile
import zipfile

tmp = tempfile.TemporaryDirectory()
root = os.path.realpath(tmp.name)
archive = os.path.join(root, "bundle.zip")

with zipfile.ZipFile(archive, "w") as z:
    z.writestr("zmod.py", "print('exec zmod', __name__)\nVALUE = 'from the zip'\n")
    z.writestr("zpkg/__init__.py", "print('exec zpkg')\n")
    z.writestr(zipfile.ZipInfo("zpkg/deflated.py"), "from . import helper\nD = 'deflated ' + helper.H\n" * 3,
               compress_type=zipfile.ZIP_DEFLATED)
    z.writestr("zpkg/helper.py", "H = 'helper'\n")
    z.writestr("zpkg/data.bin", b"\x00\x01binary")
    z.writestr("lib/inlib.py", "X = 'in lib/'\n")

sys.path.insert(0, archive)
import zmod
print(zmod.VALUE, type(zmod.__loader__).__name__, zmod.__file__.replace(root, "ROOT"))
print(zmod.__spec__.origin.replace(root, "ROOT"), zmod.__spec__.has_location)
import zpkg.deflated
print(zpkg.deflated.D, [p.replace(root, "ROOT") for p in zpkg.__path__])
print(type(sys.path_importer_cache[archive]).__name__)
print(zpkg.__loader__.get_data(os.path.join(archive, "zpkg", "data.bin")))
print(zpkg.__loader__.is_package("zpkg"), zmod.__loader__.get_source("zmod").splitlines()[1])
try:
    import zpkg.missing
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
print(repr(zmod.__loader__).replace(root, "ROOT"))

# A subdirectory of the archive as a sys.path entry.
sys.path.insert(0, os.path.join(archive, "lib"))
import inlib
print(inlib.X, inlib.__file__.replace(root, "ROOT"))

# Something that is not a zip file on sys.path is skipped.
bogus = os.path.join(root, "bogus.zip")
with open(bogus, "wb") as f:
    f.write(b"this is not a zip archive")
sys.path.insert(0, bogus)
import json
print("json still imports", sys.path_importer_cache.get(bogus, "absent"))
import zipimport
try:
    zipimport.zipimporter(bogus)
except zipimport.ZipImportError as e:
    print("ZipImportError:", str(e).replace(root, "ROOT"))
tmp.cleanup()
