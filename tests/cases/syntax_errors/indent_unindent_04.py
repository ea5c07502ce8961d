for i in x:
  if i:
      a
    b
