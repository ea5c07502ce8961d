class Config:
    def __init__(self):
        self.timeout = 30
        self.retries = 3
    def connect(self):
        pass

c = Config()
c.conect()
