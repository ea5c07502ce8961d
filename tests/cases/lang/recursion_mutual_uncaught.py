# Mutual recursion's traceback repeats two lines; CPython folds the repeats.
def ping(n):
    return pong(n + 1)
def pong(n):
    return ping(n + 1)
import sys
sys.setrecursionlimit(60)
ping(0)
