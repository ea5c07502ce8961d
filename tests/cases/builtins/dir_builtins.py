import builtins
names = sorted(dir(builtins))
print(len(names))
for i in range(0, len(names), 8):
    print(" ".join(names[i:i + 8]))
