import stackless

def tasklet():
print("Tasklet running")
