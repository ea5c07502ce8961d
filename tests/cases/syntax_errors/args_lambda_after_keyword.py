f(name=1,
  lambda e=1,
  d=2,
)
