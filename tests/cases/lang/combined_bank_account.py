# Combined: classes, properties, exceptions, class methods and formatting.
class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed:.2f}, have {available:.2f}")
        self.needed = needed
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0.0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self._balance = balance
        self.history = []
    @property
    def balance(self): return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
        return self
    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(amount, self._balance)
        self._balance -= amount
        self.history.append(("withdraw", amount))
        return self
    @classmethod
    def joint(cls, *owners):
        return cls(" & ".join(owners))
    def __repr__(self):
        return f"Account#{self.id}({self.owner!r}, {self._balance:,.2f})"
a = Account("ann", 100).deposit(50).withdraw(30)
print(a, a.history)
j = Account.joint("bo", "cy")
for op, amt in [(j.deposit, 10), (j.withdraw, 25), (j.deposit, -1)]:
    try:
        op(amt)
    except InsufficientFunds as e:
        print("insufficient:", e, e.needed)
    except ValueError as e:
        print("invalid:", e)
print(j)
a.withdraw(1000)
