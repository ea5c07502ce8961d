if a:
    if b:
        try:

  x = 1
