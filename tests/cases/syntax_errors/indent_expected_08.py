class A:

# c
