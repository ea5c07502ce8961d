inventory = {"apples": 3, "pears": 0, "plums": 5}
for fruit, count in inventory.items():
    if count == 0:
        del inventory[fruit]
