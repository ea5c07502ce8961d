# Objects still referenced by globals are finalized at exit.
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

keep = D("global")
print("end of program")
