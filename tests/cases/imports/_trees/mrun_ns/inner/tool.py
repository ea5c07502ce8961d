print("tool in a namespace package", __name__, __package__, __spec__.name)
