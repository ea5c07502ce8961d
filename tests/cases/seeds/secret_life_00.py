import dis

def add_numbers(a, b):
    return a + b

dis.dis(add_numbers)
