# A function whose frame is bigger than a frame-stack chunk, called at several depths.
src = "def big():\n" + "".join(f"    v{i} = {i}\n" for i in range(140000)) + "    return v0 + v139999\n"
exec(src)
def rec(n):
    if n == 0:
        return big()
    return rec(n - 1)
print(big(), rec(3), rec(50))
