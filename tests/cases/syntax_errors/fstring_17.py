f'{a =!r}' + f'{b c}'
