raise KeyError("a\nb")
