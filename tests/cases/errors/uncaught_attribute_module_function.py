import os
os.path.joinn("a", "b")
