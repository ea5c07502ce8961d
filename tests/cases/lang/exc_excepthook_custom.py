# A custom sys.excepthook receives uncaught exceptions instead of the default printer.
import sys
def hook(tp, val, tb):
    print("custom hook:", tp.__name__, val, "line", tb.tb_lineno)
sys.excepthook = hook
print("before")
raise ValueError("handled by hook")
