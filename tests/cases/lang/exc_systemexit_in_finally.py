# SystemExit raised in finally replaces the pending exception and sets the exit code.
def main():
    try:
        raise RuntimeError("ignored by the exit")
    finally:
        print("finally runs")
        raise SystemExit(3)
try:
    main()
except SystemExit as e:
    print("caught SystemExit", e.code, type(e.__context__).__name__)
main()
