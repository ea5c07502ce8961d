# Uncaught AttributeError shows a "Did you mean" hint.
class Account:
    def __init__(self):
        self.balance = 0
        self.owner = "ann"
    def deposit(self, n):
        self.balance += n
a = Account()
a.deposit(5)
try:
    a.ballance
except AttributeError as e:
    print("AttributeError:", e, e.name, e.obj is a)
print(a.balance)
a.deposti(1)
