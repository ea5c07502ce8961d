# Uncaught NameError suggests a builtin name.
values = [3, 1, 2]
print(sorted(values))
print(sortd(values))
