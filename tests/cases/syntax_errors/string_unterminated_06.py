f = f'abc
