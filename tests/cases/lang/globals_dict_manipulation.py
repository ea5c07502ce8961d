# globals() is the module namespace: writes create variables, module-level locals() is globals().
globals()["created"] = "via globals()"
print(created)
print(locals() is globals())
def f():
    globals()["from_func"] = 1
    return locals()
print(f(), from_func)
name = "dynamic_" + "var"
globals()[name] = 99
print(dynamic_var)
del globals()["created"]
try:
    created
except NameError as e:
    print("NameError:", e)
global already_module_level
already_module_level = "global statement at module level is allowed"
print(already_module_level)
