site[USER_BASE = self.mkdtemp()
x = 1
y = 2
