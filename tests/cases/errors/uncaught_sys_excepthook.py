import sys

def hook(exc_type, exc, tb):
    print("hook got:", exc_type.__name__, exc, tb.tb_lineno, file=sys.stderr)

sys.excepthook = hook
print("installed")
raise ValueError("to the hook")
