x = a ++
