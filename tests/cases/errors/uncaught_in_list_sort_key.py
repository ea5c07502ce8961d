records = [{"n": 1}, {"n": 2}, {"m": 3}]
records.sort(key=lambda r: r["n"])
