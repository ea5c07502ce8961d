import gc
print(gc.get_threshold())
print(gc.isenabled())
gc.disable(); print(gc.isenabled())
gc.enable(); print(gc.isenabled())
gc.set_threshold(100, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.get_debug())
print(gc.callbacks, gc.garbage)
print(len(gc.get_stats()), sorted(gc.get_stats()[0]))
print(gc.is_tracked(1), gc.is_tracked(1.5), gc.is_tracked("s"), gc.is_tracked(None))
print(gc.is_tracked([]), gc.is_tracked(object()) , gc.is_tracked(gc.collect))
class C: pass
print(gc.is_tracked(C()), gc.is_tracked(C))
print(gc.is_finalized(C()), gc.is_finalized(1))
print(gc.get_referents([1, "a", None]))
print(gc.get_referents(1, "x"))
x = []
holder = [x]
print(holder in gc.get_referrers(x))
print(type(gc.get_objects()), type(gc.get_objects(0)), type(gc.get_objects(generation=None)))
print(gc.collect(0) >= 0, gc.collect(1) >= 0, gc.collect(generation=2) >= 0)
for call in ("gc.collect(3)", "gc.collect(-1)", "gc.collect('a')", "gc.collect(1, 2)",
             "gc.collect(gen=1)", "gc.set_threshold()", "gc.set_threshold(1, 2, 3, 4)",
             "gc.set_threshold('a')", "gc.get_objects(3)", "gc.get_objects(-2)",
             "gc.get_objects('x')", "gc.is_tracked()", "gc.enable(1)", "gc.set_debug('x')",
             "gc.collect(2**70)", "gc.get_count(1)"):
    try:
        eval(call)
    except Exception as e:
        print(call, type(e).__name__, e)
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
