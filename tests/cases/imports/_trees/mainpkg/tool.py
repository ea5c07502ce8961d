import sys
print("tool", __name__, __package__, __spec__.name, __file__.rsplit("/", 2)[-2:])
print("argv", [a.rsplit("/", 1)[-1] for a in sys.argv])
if __name__ == "__main__":
    raise SystemExit(3)
