self.f(tr1[], tr2[2])
