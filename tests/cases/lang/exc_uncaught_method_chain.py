# Uncaught TypeError deep in a method chain with carets under the call.
class Pipeline:
    def __init__(self, steps):
        self.steps = steps
    def run(self, value):
        for step in self.steps:
            value = self.apply(step, value)
        return value
    def apply(self, step, value):
        return step(value)
p = Pipeline([str.strip, str.upper, len, lambda n: n + "!"])
print(Pipeline([str.strip]).run("  ok  "))
p.run("  hello ")
