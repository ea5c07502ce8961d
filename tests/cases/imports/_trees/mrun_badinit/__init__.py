raise ImportError("the package refuses", name="mrun_badinit")
