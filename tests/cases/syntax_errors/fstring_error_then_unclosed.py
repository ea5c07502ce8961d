x = [f'{a b}'
