print(True 'x', y)
