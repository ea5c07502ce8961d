values = {"alpha": 1, "beta": 2}
total = values["alpha"] + values["beta"] + values["gamma"] + values["alpha"] * 1000 + values["beta"] * 2000
