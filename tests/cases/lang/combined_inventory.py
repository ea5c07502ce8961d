# Combined: dict/list processing, sorting, comprehensions, f-string tables and error reporting.
inventory = [
    {"sku": "A1", "name": "widget", "qty": 10, "price": 2.5},
    {"sku": "B2", "name": "gadget", "qty": 0, "price": 10.0},
    {"sku": "C3", "name": "doohickey", "qty": 3, "price": 7.25},
]
def value(item): return item["qty"] * item["price"]
print(f"{'SKU':<4} {'Name':<10} {'Qty':>4} {'Value':>8}")
for item in sorted(inventory, key=value, reverse=True):
    print(f"{item['sku']:<4} {item['name']:<10} {item['qty']:>4} {value(item):>8.2f}")
total = sum(map(value, inventory))
print(f"{'Total':<20}{total:>8.2f}")
out_of_stock = [i["name"] for i in inventory if not i["qty"]]
by_sku = {i["sku"]: i for i in inventory}
print(out_of_stock, sorted(by_sku))
def order(sku, n):
    try:
        item = by_sku[sku]
    except KeyError:
        raise LookupError(f"unknown sku {sku}") from None
    if item["qty"] < n:
        raise ValueError(f"only {item['qty']} {item['name']}(s) left")
    item["qty"] -= n
    return value(item)
for sku, n in [("A1", 4), ("B2", 1), ("Z9", 1)]:
    try:
        print("ordered", sku, "remaining value", order(sku, n))
    except (LookupError, ValueError) as e:
        print(type(e).__name__, e)
