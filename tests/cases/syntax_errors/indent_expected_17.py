if x:
    pass
else:
# c
y
