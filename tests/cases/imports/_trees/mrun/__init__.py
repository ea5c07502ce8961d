print("init mrun", __name__)
