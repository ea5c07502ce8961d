# SystemExit with a string prints it to stderr and exits 1; finally blocks run.
try:
    print("running")
finally:
    print("finally before exit")
import sys
try:
    sys.exit(4)
except SystemExit as e:
    print("caught exit code", e.code)
try:
    raise SystemExit
finally:
    print("finally runs during SystemExit")
