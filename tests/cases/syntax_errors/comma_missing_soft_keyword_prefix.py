f(ma b)
