print("%s and %s" % ("only one",))
