s = r'abc
