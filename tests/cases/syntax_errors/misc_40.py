a = (b c) + d
