import sys
print("mainpkg.__main__ running as", __name__, __package__, __spec__.name)
print("argv", [a.rsplit("/", 1)[-1] for a in sys.argv])
