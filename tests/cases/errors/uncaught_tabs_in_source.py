def f(x):
	return x.missing_attribute

f(1)
