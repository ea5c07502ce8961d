def f(): 


