del lambda: 1
