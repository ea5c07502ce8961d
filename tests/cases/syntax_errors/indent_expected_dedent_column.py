class C:
    def f(self):
== 
    def g(self):
        pass
