from m import a, 
