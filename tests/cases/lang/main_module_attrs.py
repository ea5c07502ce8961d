# The __main__ module: __name__, __doc__, __file__-relative naming, __debug__, dir().
"Module docstring."
print(__name__, __doc__, __debug__)
print(__file__.endswith("lang/main_module_attrs.py"))
if __name__ == "__main__":
    print("running as main")
print(sorted(k for k in dir() if k.startswith("__")))
import sys
print(sys.modules["__main__"].__name__, sys.argv[0].endswith("main_module_attrs.py"))
