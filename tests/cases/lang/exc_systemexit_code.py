# raise SystemExit(n) exits with status n without a traceback.
print("exiting with 7")
raise SystemExit(7)
