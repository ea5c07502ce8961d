f(1, async 2)
