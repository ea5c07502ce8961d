nonlocal x,
