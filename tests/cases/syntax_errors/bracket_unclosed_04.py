f(a,
  b,
  c
