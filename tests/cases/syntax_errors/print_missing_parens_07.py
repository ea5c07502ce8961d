if x:
    print y
