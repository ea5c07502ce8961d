# Uncaught NameError: comprehensions in class bodies cannot see class variables.
class Config:
    base = 10
    ok = [i for i in range(3)]
    print("ok", ok)
    scaled = [base * i for i in range(3)]
print(Config.scaled)
