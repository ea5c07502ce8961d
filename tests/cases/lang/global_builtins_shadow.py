# Module globals shadow builtins; deleting the global reveals the builtin again.
print(len("abc"))
def len(x):
    return "shadowed"
print(len("abc"))
del len
print(len("abc"))
import builtins
builtins.custom_builtin = "visible everywhere"
print(custom_builtin)
def f():
    return custom_builtin
print(f())
print(__name__, type(__builtins__).__name__)
True_ = True
print(True_)
