# Finders and loaders written in Python: a finder on sys.meta_path that serves modules from a
# dict, a path hook, and what the import system does with them.
import sys
import importlib.abc
import importlib.util

SOURCES = {
    "virtual": "print('running virtual', __name__, __spec__.origin)\nVALUE = 7\n",
    "virtualpkg": "print('running virtualpkg')\n",
    "virtualpkg.child": "from . import sibling\nprint('child sees', sibling.NAME)\n",
    "virtualpkg.sibling": "NAME = 'sibling'\n",
}


class DictLoader(importlib.abc.Loader):
    def create_module(self, spec):
        return None  # the default module

    def exec_module(self, module):
        exec(SOURCES[module.__name__], module.__dict__)


class DictFinder(importlib.abc.MetaPathFinder):
    def __init__(self):
        self.asked = []

    def find_spec(self, fullname, path, target=None):
        self.asked.append(fullname)
        if fullname not in SOURCES:
            return None
        is_pkg = fullname == "virtualpkg"
        spec = importlib.util.spec_from_loader(fullname, DictLoader(), origin="dict:" + fullname, is_package=is_pkg)
        return spec


finder = DictFinder()
sys.meta_path.insert(0, finder)
import virtual
print(virtual.VALUE, type(virtual.__loader__).__name__, virtual.__spec__.name)
import virtualpkg.child
print(virtualpkg.__path__, virtualpkg.child.sibling.NAME)
print(finder.asked)
try:
    import virtualpkg.missing
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)


class Refuser(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname == "refused":
            raise ImportError("refused by policy", name=fullname)
        return None


sys.meta_path.insert(0, Refuser())
try:
    import refused
except ImportError as e:
    print("ImportError:", e, e.name)

# A path hook: entries of sys.path that start with "mem:" are served from a dict.
class MemFinder:
    def __init__(self, path):
        if not path.startswith("mem:"):
            raise ImportError("not mine")
        self.path = path

    def find_spec(self, fullname, target=None):
        if fullname == "frommem":
            return importlib.util.spec_from_loader(fullname, DictLoader(), origin=self.path)
        return None


SOURCES["frommem"] = "WHERE = __spec__.origin\n"
sys.path_hooks.insert(0, MemFinder)
sys.path.insert(0, "mem:store")
import frommem
print(frommem.WHERE, type(sys.path_importer_cache["mem:store"]).__name__)
