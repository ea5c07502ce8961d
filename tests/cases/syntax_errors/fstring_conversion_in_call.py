print(f'{a!z}')
