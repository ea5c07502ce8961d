# _tracemalloc without tracing: what CPython reports before start(); start() itself is not
# implemented in krait and is not called with a valid argument here.
import tracemalloc, _tracemalloc
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), tracemalloc.get_traceback_limit())
print(tracemalloc.get_object_traceback(object()), _tracemalloc._get_traces())
tracemalloc.stop(); tracemalloc.clear_traces(); tracemalloc.reset_peak()
for bad in ('x', 0, 70000):
    try: tracemalloc.start(bad)
    except Exception as e: print(type(e).__name__, e)
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print('RuntimeError', e)
