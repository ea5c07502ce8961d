# Transactions with context managers that roll back on error.
class InsufficientFunds(Exception):
    def __init__(self, need, have):
        super().__init__(f"need {need}, have {have}")
        self.need, self.have = need, have
class Ledger:
    def __init__(self, **balances):
        self.balances = dict(balances)
    def transaction(self):
        ledger = self
        class Tx:
            def __enter__(self):
                self.snapshot = dict(ledger.balances)
                return ledger
            def __exit__(self, et, ev, tb):
                if et is not None:
                    ledger.balances = self.snapshot
                    print(f"rolled back: {et.__name__}: {ev}")
                    return issubclass(et, InsufficientFunds)
        return Tx()
    def move(self, src, dst, amount):
        if self.balances[src] < amount:
            raise InsufficientFunds(amount, self.balances[src])
        self.balances[src] -= amount
        self.balances[dst] += amount
l = Ledger(a=100, b=50)
with l.transaction() as t:
    t.move("a", "b", 30)
    t.move("b", "a", 5)
print(l.balances)
with l.transaction() as t:
    t.move("a", "b", 60)
    t.move("a", "b", 60)
print(l.balances)
try:
    with l.transaction() as t:
        t.move("a", "zz", 1)
except KeyError as e:
    print("KeyError escaped:", e)
print(l.balances)
