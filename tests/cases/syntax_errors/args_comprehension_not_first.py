f("", 80 for , a)
