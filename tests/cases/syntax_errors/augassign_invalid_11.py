x if y else z *= 2
