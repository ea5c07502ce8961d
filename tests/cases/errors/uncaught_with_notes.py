try:
    raise ValueError("base problem")
except ValueError as e:
    e.add_note("note one")
    e.add_note("note two\nspans lines")
    raise
