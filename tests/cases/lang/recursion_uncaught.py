# An uncaught RecursionError prints a traceback with repeated-line compression.
def down(n):
    return down(n + 1)
down(0)
