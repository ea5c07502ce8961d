# Uncaught NameError for a global used before the module defines it.
def report():
    return f"{app_name} v{version}"
app_name = "demo"
print(report.__code__.co_names)
print(report())
