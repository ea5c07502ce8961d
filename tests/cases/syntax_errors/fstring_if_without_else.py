f'{a if b}'
