# Uncaught ValueError from an invalid format spec inside an f-string.
price = 12.5
print(f"{price:.2f}")
label = "total"
print(f"{label:>10}")
print(f"{label:.2f}")
