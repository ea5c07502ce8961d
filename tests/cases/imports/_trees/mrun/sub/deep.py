from .. import helper
NAME = "deep saw " + helper.NAME
if __name__ == "__main__":
    print("deep as __main__", __package__, __spec__.name)
    import sys
    print("imports._trees.mrun.sub.deep" in sys.modules, "imports._trees.mrun.sub" in sys.modules)
