lambda: (yield from)
