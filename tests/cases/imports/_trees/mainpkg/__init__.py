print("init mainpkg", __name__)
