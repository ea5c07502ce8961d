# Uncaught AssertionError with a message shows in the traceback.
def withdraw(balance, amount):
    assert amount <= balance, f"insufficient funds: {balance} < {amount}"
    return balance - amount
print(withdraw(100, 30))
print(withdraw(10, 30))
