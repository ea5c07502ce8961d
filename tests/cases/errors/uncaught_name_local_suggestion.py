def report():
    total_count = 10
    print(total_cont)

report()
