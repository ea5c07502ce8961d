data = "naïve café".encode("utf-8")
print(data.decode("ascii"))
