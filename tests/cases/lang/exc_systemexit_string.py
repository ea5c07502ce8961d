# sys.exit with a message: message on stderr, exit status 1.
import sys
print("about to exit")
sys.exit("fatal: configuration missing")
