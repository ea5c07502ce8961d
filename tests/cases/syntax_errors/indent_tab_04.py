def f():
	if x:
		pass
        	pass
