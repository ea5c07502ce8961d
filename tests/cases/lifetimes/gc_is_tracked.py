# gc.is_tracked: atomic objects are untracked; containers of atomics may be untracked too.
import gc
class C: pass
for label, obj in [("int", 1), ("str", "s"), ("None", None), ("float", 1.5),
                   ("empty list", []), ("list", [1]), ("instance", C()), ("class", C),
                   ("function", len), ("lambda", lambda: 0), ("empty tuple", ()),
                   ("set", {1}), ("empty dict", {}), ("atomic dict", {"a": 1}),
                   ("dict with list", {"a": []})]:
    print(label, gc.is_tracked(obj))
