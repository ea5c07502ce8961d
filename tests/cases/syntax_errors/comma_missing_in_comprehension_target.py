{k: v for k k, v in d.items() if k}
