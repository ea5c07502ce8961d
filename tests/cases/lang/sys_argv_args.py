# Command-line arguments after the script reach sys.argv.
import sys
print(sys.argv[0].endswith("sys_argv_args.py"), sys.argv[1:])
