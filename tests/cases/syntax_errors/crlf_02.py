if x:
    pass
  y
