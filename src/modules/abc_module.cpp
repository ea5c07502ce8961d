// The `_abc` module: the native half of abc.ABCMeta (abc.py imports it; without it abc.py falls
// back to _py_abc). Each ABC keeps an `_abc_data` object in its `_abc_impl` attribute: the
// registry of virtual subclasses, the positive and negative subclass caches, and the version of
// the global invalidation counter the negative cache was filled at; register() bumps that counter.
// _abc_init also reads collections.abc's `__abc_tpflags__` (the match statement's sequence and
// mapping flags) and register() copies those flags to the registered class and its subclasses.
//
// The three sets hold classes weakly, as CPython's sets of weak references do. Here they are
// tables keyed by the class's address holding a (callback-less, shared) weak reference to it:
// a lookup costs no allocation, and an entry whose weak reference is dead belongs to a class that
// died and whose address was reused, so it is dropped when met (and swept as a table grows).
// _get_dump shows the live entries as sets of weak references, as CPython's.
#include <unordered_map>
#include <vector>

#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memory.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/weakref.h"

namespace krait::modules {

using namespace runtime;

namespace {

// CPython's Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING, as __abc_tpflags__ spells them.
constexpr int64_t kTpflagsSequence = int64_t(1) << 5;
constexpr int64_t kTpflagsMapping = int64_t(1) << 6;
constexpr uint64_t kCollectionFlags = TypeFlag::MatchSequence | TypeFlag::MatchMapping;

// Bumped by every register(): negative caches filled before it are stale.
int64_t invalidation_counter = 0;

Value name(const char* text) {
  // Interned names asked on every check: made once.
  return str_intern(text);
}

struct Names {
  Value abc_impl = name("_abc_impl");
  Value abc_tpflags = name("__abc_tpflags__");
  Value subclasscheck = name("__subclasscheck__");
  Value subclasshook = name("__subclasshook__");
  Value subclasses = name("__subclasses__");
  Value class_ = name("__class__");
  Value abstractmethods = name("__abstractmethods__");
  Value isabstractmethod = name("__isabstractmethod__");
  Value bases = name("__bases__");
  Value dict = name("__dict__");
  Value items = name("items");
};

const Names& names() {
  static const Names n;
  return n;
}

bool is_class(Value v) { return v.is_object() && (v.as_object()->type->flags & TypeFlag::TypeSubclass); }
TypeObject* as_class(Value v) { return static_cast<TypeObject*>(v.as_object()); }

// --- weak sets of classes ------------------------------------------------------------------------

class WeakClassSet {
 public:
  ~WeakClassSet() { clear(); }

  bool contains(Value cls) {
    if (entries_.empty() || !cls.is_object()) return false;
    auto it = entries_.find(cls.as_object());
    if (it == entries_.end()) return false;
    if (weakref_get(it->second).is(cls)) return true;
    Value dead = it->second;  // the class died and another object took its address
    entries_.erase(it);
    decref(dead);
    return false;
  }

  // 0, or -1 + error (cls cannot be weakly referenced).
  int add(Value cls) {
    if (contains(cls)) return 0;
    Value ref = weakref_new_ref(cls, Value());
    if (!ref) return -1;
    auto [it, inserted] = entries_.try_emplace(cls.as_object(), ref);
    if (!inserted) {  // making the weak reference may have run code that added it
      decref(ref);
      return 0;
    }
    if (entries_.size() >= sweep_at_) sweep();
    return 0;
  }

  void clear() {
    std::unordered_map<Object*, Value> old;
    old.swap(entries_);
    for (auto& [key, ref] : old) decref(ref);
  }

  // The live classes (new references), for iterating while checks may change the set.
  std::vector<Ref> snapshot() const {
    std::vector<Ref> out;
    for (auto& [key, ref] : entries_) {
      Value cls = weakref_get(ref);
      if (cls.as_object() == key) out.push_back(Ref::borrow(cls));
    }
    return out;
  }

  // A set of the live entries' weak references (_get_dump).
  Value to_set() const {
    Ref set = Ref::steal(set_new());
    if (!set) return Value();
    for (auto& [key, ref] : entries_)
      if (weakref_get(ref).as_object() == key && set_add(set.get(), ref) < 0) return Value();
    return set.release();
  }

  void visit(VisitFunc visit, void* context) const {
    for (auto& [key, ref] : entries_) visit(ref, context);
  }

 private:
  // Drops the entries of dead classes; the next sweep comes when the table doubles.
  void sweep() {
    for (auto it = entries_.begin(); it != entries_.end();) {
      if (weakref_get(it->second).as_object() == it->first) {
        ++it;
        continue;
      }
      Value dead = it->second;
      it = entries_.erase(it);
      decref(dead);
    }
    sweep_at_ = entries_.size() * 2 > 64 ? entries_.size() * 2 : 64;
  }

  std::unordered_map<Object*, Value> entries_;  // class address -> weak reference to it (owned)
  size_t sweep_at_ = 64;
};

// --- the _abc_data type --------------------------------------------------------------------------

TypeObject abc_data_type;

struct AbcDataObject : Object {
  WeakClassSet registry;
  WeakClassSet cache;
  WeakClassSet negative_cache;
  int64_t negative_cache_version;
};

AbcDataObject* as_data(Value v) { return static_cast<AbcDataObject*>(v.as_object()); }

Value abc_data_new(TypeObject* type, const Value*, size_t, Value) {
  // CPython's takes (and ignores) any arguments.
  AbcDataObject* data = new_object<AbcDataObject>(type);
  if (!data) return Value();
  data->negative_cache_version = invalidation_counter;
  gc_track(data);
  return Value::object(data);
}

void abc_data_clear(Object* self) {
  auto* data = static_cast<AbcDataObject*>(self);
  data->registry.clear();
  data->cache.clear();
  data->negative_cache.clear();
}

void abc_data_dealloc(Object* self) {
  gc_untrack(self);
  static_cast<AbcDataObject*>(self)->~AbcDataObject();
  free_object(self);
}

void abc_data_traverse(Object* self, VisitFunc visit, void* context) {
  auto* data = static_cast<AbcDataObject*>(self);
  data->registry.visit(visit, context);
  data->cache.visit(visit, context);
  data->negative_cache.visit(visit, context);
}

int init_abc_data_type() {
  static bool done = false;
  if (done) return 0;
  TypeObject& t = abc_data_type;
  t.refcount = 1;
  t.Object::flags = ObjectFlag::Immortal;
  t.type = &type_type;
  t.name = "_abc._abc_data";
  t.qualname = "_abc_data";
  t.base = &object_type;
  t.basic_size = sizeof(AbcDataObject);
  t.flags = TypeFlag::HaveGc;
  t.new_ = abc_data_new;
  t.dealloc = abc_data_dealloc;
  t.traverse = abc_data_traverse;
  t.clear = abc_data_clear;
  if (type_ready(&t) < 0) return -1;
  Ref doc = Ref::steal(str_from_ascii("Internal state held by ABC machinery."));
  if (!doc || dict_set_item_str(t.dict, "__doc__", doc.get()) < 0) return -1;
  done = true;
  return 0;
}

// self._abc_impl, which must be an _abc_data (a new reference).
Value get_impl(Value self) {
  Ref impl = Ref::steal(get_attr(self, names().abc_impl));
  if (!impl) return Value();
  if (type_of(impl.get()) != &abc_data_type) return raise(exc::TypeError, "_abc_impl is set to a wrong type");
  return impl.release();
}

// --- _abc_init -----------------------------------------------------------------------------------

// getattr(value, "__isabstractmethod__", False) as a truth value: 0/1, or -1 + error.
int is_abstract(Value value) {
  Ref flag = Ref::steal(lookup_attr(value, names().isabstractmethod));
  if (!flag) return error_occurred() ? -1 : 0;
  return is_true(flag.get());
}

// The keys of self.__dict__ whose values are abstract, then the names in each base's
// __abstractmethods__ that are still abstract on self: self.__abstractmethods__ = frozenset(...).
int compute_abstract_methods(Value self) {
  Ref abstracts = Ref::steal(frozenset_new());
  if (!abstracts) return -1;
  Ref ns = Ref::steal(get_attr(self, names().dict));
  if (!ns) return -1;
  Ref items = Ref::steal(call_method_kw(ns.get(), names().items, nullptr, 0, Value()));
  if (!items) return -1;
  items = Ref::steal(list_from_iterable(items.get()));
  if (!items) return -1;
  for (size_t i = 0; i < list_size(items.get()); ++i) {
    Ref item = Ref::borrow(list_get(items.get(), i));
    Ref iterator = Ref::steal(get_iter(item.get()));
    if (!iterator) {
      if (error_matches(exc::TypeError)) raise(exc::TypeError, "items() returned item which is not a 2-tuple");
      return -1;
    }
    Ref pair = Ref::steal(tuple_from_iterable(iterator.get()));
    if (!pair) return -1;
    if (tuple_size(pair.get()) != 2) return raise(exc::TypeError, "items() returned item which size is not 2"), -1;
    int r = is_abstract(tuple_get(pair.get(), 1));
    if (r < 0 || (r && set_add(abstracts.get(), tuple_get(pair.get(), 0)) < 0)) return -1;
  }
  Ref bases = Ref::steal(get_attr(self, names().bases));
  if (!bases) return -1;
  if (!is_tuple(bases.get())) return raise(exc::TypeError, "__bases__ is not tuple"), -1;
  for (size_t i = 0; i < tuple_size(bases.get()); ++i) {
    Ref base_abstracts = Ref::steal(lookup_attr(tuple_get(bases.get(), i), names().abstractmethods));
    if (!base_abstracts) {
      if (error_occurred()) return -1;
      continue;
    }
    Ref iterator = Ref::steal(get_iter(base_abstracts.get()));
    if (!iterator) return -1;
    while (Ref key = Ref::steal(iter_next(iterator.get()))) {
      if (!is_str(key.get()))
        return raise_format(exc::TypeError, "attribute name must be string, not '%s'", type_name(type_of(key.get()))), -1;
      Ref value = Ref::steal(lookup_attr(self, key.get()));
      if (!value) {
        if (error_occurred()) return -1;
        continue;
      }
      int r = is_abstract(value.get());
      if (r < 0 || (r && set_add(abstracts.get(), key.get()) < 0)) return -1;
    }
    if (error_occurred()) return -1;
  }
  return set_attr(self, names().abstractmethods, abstracts.get());
}

// collections.abc's Sequence and Mapping say `__abc_tpflags__ = 1 << 5` / `1 << 6`: the class
// gets the match statement's flag and the key leaves its dict. Values that are not exactly ints
// are dropped without effect, as CPython does.
int apply_abc_tpflags(TypeObject* cls) {
  Value flags = dict_get_item(cls->dict, names().abc_tpflags);
  if (!flags) return error_occurred() ? -1 : 0;
  Ref keep = Ref::borrow(flags);
  if (is_int_exact(flags)) {
    int64_t value;
    if (!int_to_int64(flags, &value)) return raise(exc::OverflowError, "Python int too large to convert to C long"), -1;
    if ((value & (kTpflagsSequence | kTpflagsMapping)) == (kTpflagsSequence | kTpflagsMapping))
      return raise(exc::TypeError, "__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING"), -1;
    if (value & kTpflagsSequence) cls->flags |= TypeFlag::MatchSequence;
    if (value & kTpflagsMapping) cls->flags |= TypeFlag::MatchMapping;
  }
  if (dict_del_item(cls->dict, names().abc_tpflags) < 0) return -1;
  type_modified(cls);
  return 0;
}

Value abc_init(Value, Value self) {
  if (compute_abstract_methods(self) < 0) return Value();
  Ref data = Ref::steal(abc_data_new(&abc_data_type, nullptr, 0, Value()));
  if (!data || set_attr(self, names().abc_impl, data.get()) < 0) return Value();
  if (is_class(self) && apply_abc_tpflags(as_class(self)) < 0) return Value();
  return new_ref(none());
}

// --- register ------------------------------------------------------------------------------------

// Gives `child` and its subclasses the collection flag of the ABC it was registered with
// (replacing the other one). Built-in types keep theirs; a class that already has it stops the walk.
void set_collection_flag_recursive(TypeObject* child, uint64_t flag) {
  if (!(child->flags & TypeFlag::HeapType) || (child->flags & TypeFlag::Immutable) ||
      (child->flags & kCollectionFlags) == flag)
    return;
  child->flags = (child->flags & ~kCollectionFlags) | flag;
  if (child->subclasses.is_null()) return;
  size_t pos = 0;
  Value key;
  while (dict_next(child->subclasses, &pos, &key, nullptr))
    set_collection_flag_recursive(reinterpret_cast<TypeObject*>(static_cast<uintptr_t>(key.as_small_int())), flag);
}

Value abc_register(Value, const Value* args, size_t nargs) {
  if (nargs != 2) return raise_format(exc::TypeError, "_abc_register expected 2 arguments, got %zu", nargs);
  Value self = args[0], subclass = args[1];
  if (!is_class(subclass)) return raise(exc::TypeError, "Can only register classes");
  int r = object_is_subclass(subclass, self);
  if (r > 0) return new_ref(subclass);  // already a subclass
  if (r < 0) return Value();
  // After the check above, so that X.register(X) is a no-op.
  r = object_is_subclass(self, subclass);
  if (r > 0) return raise(exc::RuntimeError, "Refusing to create an inheritance cycle");
  if (r < 0) return Value();
  Ref impl = Ref::steal(get_impl(self));
  if (!impl || as_data(impl.get())->registry.add(subclass) < 0) return Value();
  ++invalidation_counter;
  if (is_class(self)) {
    uint64_t flag = as_class(self)->flags & kCollectionFlags;
    if (flag) set_collection_flag_recursive(as_class(subclass), flag);
  }
  return new_ref(subclass);
}

// --- instance and subclass checks ----------------------------------------------------------------

Value call_subclasscheck(Value self, Value subclass) {
  return call_method_kw(self, names().subclasscheck, &subclass, 1, Value());
}

Value abc_instancecheck(Value, const Value* args, size_t nargs) {
  if (nargs != 2) return raise_format(exc::TypeError, "_abc_instancecheck expected 2 arguments, got %zu", nargs);
  Value self = args[0], instance = args[1];
  Ref impl = Ref::steal(get_impl(self));
  if (!impl) return Value();
  AbcDataObject* data = as_data(impl.get());
  Ref subclass = Ref::steal(get_attr(instance, names().class_));
  if (!subclass) return Value();
  if (data->cache.contains(subclass.get())) return new_ref(true_value());
  Value subtype = Value::object(type_of(instance));
  if (subtype.is(subclass.get())) {
    if (data->negative_cache_version == invalidation_counter && data->negative_cache.contains(subclass.get()))
      return new_ref(false_value());
    return call_subclasscheck(self, subclass.get());
  }
  Ref result = Ref::steal(call_subclasscheck(self, subclass.get()));
  if (!result) return Value();
  int r = is_true(result.get());
  if (r < 0) return Value();
  if (r) return result.release();
  return call_subclasscheck(self, subtype);
}

// Step 5 of the subclass check: is `subclass` a subclass of a registered class? 1 (and cached),
// 0, or -1 + error. The registry is copied first: the checks run Python code that may change it.
int check_registry(Value self_impl, Value subclass) {
  AbcDataObject* data = as_data(self_impl);
  if (data->registry.contains(subclass)) return 1;
  std::vector<Ref> registered = data->registry.snapshot();
  for (const Ref& cls : registered) {
    int r = object_is_subclass(subclass, cls.get());
    if (r < 0) return -1;
    if (r > 0) return data->cache.add(subclass) < 0 ? -1 : 1;
  }
  return 0;
}

Value abc_subclasscheck(Value, const Value* args, size_t nargs) {
  if (nargs != 2) return raise_format(exc::TypeError, "_abc_subclasscheck expected 2 arguments, got %zu", nargs);
  Value self = args[0], subclass = args[1];
  if (!is_class(subclass)) return raise(exc::TypeError, "issubclass() arg 1 must be a class");
  Ref impl = Ref::steal(get_impl(self));
  if (!impl) return Value();
  AbcDataObject* data = as_data(impl.get());
  // 1. The cache.
  if (data->cache.contains(subclass)) return new_ref(true_value());
  // 2. The negative cache, emptied when a register() happened since it was filled.
  if (data->negative_cache_version < invalidation_counter) {
    data->negative_cache.clear();
    data->negative_cache_version = invalidation_counter;
  } else if (data->negative_cache.contains(subclass)) {
    return new_ref(false_value());
  }
  // 3. The subclass hook.
  Ref ok = Ref::steal(call_method_kw(self, names().subclasshook, &subclass, 1, Value()));
  if (!ok) return Value();
  if (ok.get().is(true_value())) return data->cache.add(subclass) < 0 ? Value() : new_ref(true_value());
  if (ok.get().is(false_value()))
    return data->negative_cache.add(subclass) < 0 ? Value() : new_ref(false_value());
  if (!ok.get().is(not_implemented()))
    return raise(exc::AssertionError, "__subclasshook__ must return either False, True, or NotImplemented");
  // 4. A direct subclass.
  Value mro = as_class(subclass)->mro;
  for (size_t i = 0; mro && i < tuple_size(mro); ++i) {
    if (tuple_get(mro, i).is(self)) return data->cache.add(subclass) < 0 ? Value() : new_ref(true_value());
  }
  // 5. A subclass of a registered class.
  int r = check_registry(impl.get(), subclass);
  if (r < 0) return Value();
  if (r > 0) return new_ref(true_value());
  // 6. A subclass of a subclass.
  Ref subclasses = Ref::steal(call_method_kw(self, names().subclasses, nullptr, 0, Value()));
  if (!subclasses) return Value();
  if (!is_list(subclasses.get())) return raise(exc::TypeError, "__subclasses__() must return a list");
  for (size_t i = 0; i < list_size(subclasses.get()); ++i) {
    Ref scls = Ref::borrow(list_get(subclasses.get(), i));
    r = object_is_subclass(subclass, scls.get());
    if (r < 0) return Value();
    if (r > 0) return data->cache.add(subclass) < 0 ? Value() : new_ref(true_value());
  }
  // No luck: remember it.
  return data->negative_cache.add(subclass) < 0 ? Value() : new_ref(false_value());
}

// --- debugging helpers ---------------------------------------------------------------------------

Value abc_get_dump(Value, Value self) {
  Ref impl = Ref::steal(get_impl(self));
  if (!impl) return Value();
  AbcDataObject* data = as_data(impl.get());
  Ref registry = Ref::steal(data->registry.to_set());
  Ref cache = Ref::steal(data->cache.to_set());
  Ref negative = Ref::steal(data->negative_cache.to_set());
  Ref version = Ref::steal(int_from_int64(data->negative_cache_version));
  if (!registry || !cache || !negative || !version) return Value();
  return tuple_pack({registry.get(), cache.get(), negative.get(), version.get()});
}

Value abc_reset_registry(Value, Value self) {
  Ref impl = Ref::steal(get_impl(self));
  if (!impl) return Value();
  as_data(impl.get())->registry.clear();
  return new_ref(none());
}

Value abc_reset_caches(Value, Value self) {
  Ref impl = Ref::steal(get_impl(self));
  if (!impl) return Value();
  as_data(impl.get())->cache.clear();
  as_data(impl.get())->negative_cache.clear();
  return new_ref(none());
}

Value get_cache_token(Value) { return int_from_int64(invalidation_counter); }

#define F(pyname, fn, kind, doc) {pyname, reinterpret_cast<void*>(fn), MethodKind::kind, false, false, doc}
const MethodDef abc_functions[] = {
    F("get_cache_token", get_cache_token, NoArgs,
      "Returns the current ABC cache token.\n\nThe token is an opaque object (supporting equality testing) "
      "identifying the\ncurrent version of the ABC cache for virtual subclasses. The token changes\nwith "
      "every call to register() on any ABC."),
    F("_abc_init", abc_init, OneArg,
      "Internal ABC helper for class set-up. Should be never used outside abc module."),
    F("_abc_register", abc_register, Fast,
      "Internal ABC helper for subclasss registration. Should be never used outside abc module."),
    F("_abc_instancecheck", abc_instancecheck, Fast,
      "Internal ABC helper for instance checks. Should be never used outside abc module."),
    F("_abc_subclasscheck", abc_subclasscheck, Fast,
      "Internal ABC helper for subclasss checks. Should be never used outside abc module."),
    F("_get_dump", abc_get_dump, OneArg,
      "Internal ABC helper for cache and registry debugging.\n\nReturn shallow copies of registry, of both "
      "caches, and\nnegative cache version. Don't call this function directly,\ninstead use "
      "ABC._dump_registry() for a nice repr."),
    F("_reset_registry", abc_reset_registry, OneArg,
      "Internal ABC helper to reset registry of a given class.\n\nShould be only used by refleak.py"),
    F("_reset_caches", abc_reset_caches, OneArg,
      "Internal ABC helper to reset both caches of a given class.\n\nShould be only used by refleak.py"),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef F

}  // namespace

Value create_abc_module() {
  if (init_weakref_types() < 0 || init_abc_data_type() < 0) return Value();
  Ref module = Ref::steal(module_new("_abc"));
  if (!module) return Value();
  if (module_add_functions(module.get(), abc_functions) < 0) return Value();
  Ref doc = Ref::steal(str_from_ascii("Module contains faster C implementation of abc.ABCMeta"));
  if (!doc || module_add(module.get(), "__doc__", doc.get()) < 0) return Value();
  return module.release();
}

}  // namespace krait::modules
