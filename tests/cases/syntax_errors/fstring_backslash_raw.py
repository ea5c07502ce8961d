rf'{a\n}'
