class Box:
    def get(self):
        return self.content.upper()

b = Box()
b.content = None
b.get()
