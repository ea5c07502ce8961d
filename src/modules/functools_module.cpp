// The _functools module: reduce, cmp_to_key (KeyWrapper objects), partial and
// _lru_cache_wrapper (functools.lru_cache's engine).
//
// partial is called with the vectorcall convention: its stored arguments and the call's are
// laid out in one array (on the C++ stack when small), so a call builds no tuple; stored
// keywords are merged into a kwnames tuple only when there are some.
#include <string>
#include <vector>

#include "modules/modules.h"
#include "modules/native_args.h"
#include "runtime/abstract.h"
#include "runtime/coll_util.h"
#include "runtime/descriptors.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/generic_alias.h"
#include "runtime/int.h"
#include "runtime/memory.h"
#include "runtime/method.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::modules {

using namespace runtime;

namespace {

TypeObject partial_type, keywrapper_type;

void init_functools_type(TypeObject& t, const char* name, size_t size, uint64_t flags) {
  t.refcount = 1;
  t.Object::flags = ObjectFlag::Immortal;
  t.type = &type_type;
  t.name = std::string("functools.") + name;
  t.qualname = name;
  t.base = &object_type;
  t.basic_size = size;
  t.flags = flags;
}

// --- reduce --------------------------------------------------------------------------------------

Value reduce_fn(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("reduce", kwnames)) return Value();
  if (!check_positional("reduce", nargs, 2, 3)) return Value();
  Value function = args[0];
  Ref it = Ref::steal(get_iter(args[1]));
  if (!it) {
    if (error_matches(exc::TypeError)) {
      clear_error();
      raise(exc::TypeError, "reduce() arg 2 must support iteration");
    }
    return Value();
  }
  Ref result = nargs == 3 ? Ref::borrow(args[2]) : Ref();
  UnaryFunc next = type_of(it.get())->iternext;
  for (;;) {
    Value item = next(it.get());
    if (!item) {
      if (error_occurred()) return Value();
      break;
    }
    if (!result) {
      result = Ref::steal(item);
      continue;
    }
    Value pair[2] = {result.get(), item};
    Value r = call(function, pair, 2);
    decref(item);
    if (!r) return Value();
    result = Ref::steal(r);
  }
  if (!result) return raise(exc::TypeError, "reduce() of empty iterable with no initial value");
  return result.release();
}

// --- cmp_to_key ----------------------------------------------------------------------------------

// cmp_to_key(f) returns a KeyWrapper with no object; calling it wraps an object, and wrapped
// objects compare by f(a, b) against 0.
struct KeyObject : Object {
  Value cmp;
  Value object;   // null for the factory
};

Value make_key(Value cmp, Value object) {
  auto* k = static_cast<KeyObject*>(allocate_object(&keywrapper_type, sizeof(KeyObject)));
  if (k == nullptr) return Value();
  k->cmp = new_ref(cmp);
  k->object = object ? new_ref(object) : Value();
  gc_track(k);
  return Value::object(k);
}

Value cmp_to_key_fn(Value, const Value* args, size_t nargs, Value kwnames) {
  Value cmp;
  if (!match_arguments("cmp_to_key", args, nargs, kwnames, {"mycmp"}, 1, 1, &cmp)) return Value();
  return make_key(cmp, Value());
}

void key_clear(Object* self) {
  auto* k = static_cast<KeyObject*>(self);
  Value cmp = k->cmp, object = k->object;
  k->cmp = k->object = Value();
  xdecref(cmp);
  xdecref(object);
}
void key_dealloc(Object* self) {
  key_clear(self);
  free_object(self);
}
void key_traverse(Object* self, VisitFunc visit, void* context) {
  auto* k = static_cast<KeyObject*>(self);
  if (k->cmp.is_object()) visit(k->cmp, context);
  if (k->object.is_object()) visit(k->object, context);
}

Value key_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value object;
  if (!match_arguments("K", args, nargs, kwnames, {"obj"}, 1, 1, &object)) return Value();
  return make_key(static_cast<KeyObject*>(self.as_object())->cmp, object);
}

Value key_richcompare(Value a, Value b, CompareOp op) {
  if (type_of(b) != type_of(a)) return raise(exc::TypeError, "other argument must be K instance");
  auto* x = static_cast<KeyObject*>(a.as_object());
  auto* y = static_cast<KeyObject*>(b.as_object());
  if (!x->object || !y->object) return raise(exc::AttributeError, "object");
  Value pair[2] = {x->object, y->object};
  Ref r = Ref::steal(call(x->cmp, pair, 2));
  if (!r) return Value();
  Value v = r.get();
  if (v.is_small_int()) {
    int64_t c = v.as_small_int();
    bool result = false;
    switch (op) {
      case CompareOp::Lt: result = c < 0; break;
      case CompareOp::Le: result = c <= 0; break;
      case CompareOp::Eq: result = c == 0; break;
      case CompareOp::Ne: result = c != 0; break;
      case CompareOp::Gt: result = c > 0; break;
      case CompareOp::Ge: result = c >= 0; break;
    }
    return new_ref(bool_value(result));
  }
  return rich_compare(v, Value::small_int(0), op);
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"  // Object-derived, but a plain layout
const MemberDef key_members[] = {
    {"obj", MemberKind::ObjectNone, offsetof(KeyObject, object), false, "Value wrapped by a key function."},
    {nullptr, MemberKind::Object, 0},
};
#pragma GCC diagnostic pop

// --- partial -------------------------------------------------------------------------------------

struct PartialObject : Object {
  Value fn;
  Value args;      // tuple
  Value kw;        // dict
  Value dict;      // __dict__ (null until used)
  Value weaklist;
};

PartialObject* as_partial(Value v) { return static_cast<PartialObject*>(v.as_object()); }
bool is_partial(Value v) { return is_instance_of(v, &partial_type); }

// A partial of `type`: fn with `pargs` (a tuple, may be null) then args[0..nargs); keywords
// from `pkw` (a dict, may be null) updated with `kw` (a dict, may be null).
Value partial_build(TypeObject* type, Value fn, Value pargs, const Value* args, size_t nargs, Value pkw, Value kw) {
  size_t np = pargs ? tuple_size(pargs) : 0;
  Ref all = Ref::steal(tuple_new(np + nargs));
  if (!all) return Value();
  for (size_t i = 0; i < np; ++i) tuple_items(all.get())[i] = new_ref(tuple_get(pargs, i));
  for (size_t i = 0; i < nargs; ++i) tuple_items(all.get())[np + i] = new_ref(args[i]);
  Ref keywords = Ref::steal(pkw ? dict_copy(pkw) : dict_new());
  if (!keywords) return Value();
  if (kw && dict_merge(keywords.get(), kw, true) < 0) return Value();
  auto* p = static_cast<PartialObject*>(allocate_object(type, type->basic_size));
  if (p == nullptr) return Value();
  p->fn = new_ref(fn);
  p->args = all.release();
  p->kw = keywords.release();
  gc_track(p);
  return Value::object(p);
}

Value partial_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (nargs < 1) return raise(exc::TypeError, "type 'partial' takes at least one argument");
  Value fn = args[0];
  Value pargs, pkw;
  // partial(partial(f, ...), ...) flattens, unless the inner one has a __dict__.
  if (is_partial(fn) && type_of(fn)->call == partial_type.call && !as_partial(fn)->dict) {
    pargs = as_partial(fn)->args;
    pkw = as_partial(fn)->kw;
    fn = as_partial(fn)->fn;
  }
  if (!type_of(fn)->call) return raise(exc::TypeError, "the first argument must be callable");
  Ref kw;
  size_t nkw = keyword_count(kwnames);
  if (nkw) {
    kw = Ref::steal(dict_new());
    if (!kw) return Value();
    for (size_t k = 0; k < nkw; ++k)
      if (dict_set_item(kw.get(), tuple_get(kwnames, k), args[nargs + k]) < 0) return Value();
  }
  return partial_build(type, fn, pargs, args + 1, nargs - 1, pkw, kw.get());
}

void partial_clear(Object* self) {
  auto* p = static_cast<PartialObject*>(self);
  Value fields[4] = {p->fn, p->args, p->kw, p->dict};
  p->fn = p->args = p->kw = p->dict = Value();
  for (Value v : fields) xdecref(v);
}
void partial_dealloc(Object* self) {
  partial_clear(self);
  free_object(self);
}
void partial_traverse(Object* self, VisitFunc visit, void* context) {
  auto* p = static_cast<PartialObject*>(self);
  for (Value v : {p->fn, p->args, p->kw, p->dict})
    if (v.is_object()) visit(v, context);
}

Value partial_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  PartialObject* p = as_partial(self);
  size_t np = tuple_size(p->args);
  size_t nkw = keyword_count(kwnames);
  size_t nstored = dict_size(p->kw);
  if (np == 0 && nstored == 0) return call(p->fn, args, nargs, kwnames);
  Ref merged_names;
  std::vector<Ref> merged_values;
  if (nstored > 0) {
    // Stored keywords, overridden by the call's: one kwnames tuple for both.
    Ref kw = Ref::steal(dict_copy(p->kw));
    if (!kw) return Value();
    for (size_t k = 0; k < nkw; ++k)
      if (dict_set_item(kw.get(), tuple_get(kwnames, k), args[nargs + k]) < 0) return Value();
    size_t n = dict_size(kw.get());
    merged_names = Ref::steal(tuple_new(n));
    if (!merged_names) return Value();
    merged_values.reserve(n);
    size_t pos = 0, i = 0;
    Value key, value;
    while (dict_next(kw.get(), &pos, &key, &value)) {
      if (!is_str(key)) return raise(exc::TypeError, "keywords must be strings");
      tuple_items(merged_names.get())[i++] = new_ref(key);
      merged_values.push_back(Ref::borrow(value));
    }
    nkw = n;
  }
  size_t total = np + nargs + nkw;
  Value small[16];
  std::vector<Value> big;
  Value* stack = small;
  if (total > 16) {
    big.resize(total);
    stack = big.data();
  }
  for (size_t i = 0; i < np; ++i) stack[i] = tuple_get(p->args, i);
  for (size_t i = 0; i < nargs; ++i) stack[np + i] = args[i];
  if (merged_names) {
    for (size_t k = 0; k < nkw; ++k) stack[np + nargs + k] = merged_values[k].get();
    return call(p->fn, stack, np + nargs, merged_names.get());
  }
  for (size_t k = 0; k < nkw; ++k) stack[np + nargs + k] = args[nargs + k];
  return call(p->fn, stack, np + nargs, kwnames);
}

Value partial_repr(Value self) {
  PartialObject* p = as_partial(self);
  int entered = coll::repr_enter(self.as_object());
  if (entered < 0) return Value();
  if (entered > 0) return str_from_ascii("...");
  // Hold the parts: a repr may run code that changes the partial.
  Ref fn = Ref::borrow(p->fn), args = Ref::borrow(p->args), kw = Ref::borrow(p->kw);
  std::string text = type_of(self)->name + "(" + repr_utf8(fn.get());
  for (size_t i = 0; i < tuple_size(args.get()) && !error_occurred(); ++i)
    text += ", " + repr_utf8(tuple_get(args.get(), i));
  // The items are held first: str(key) may change the dict (and free a value).
  std::vector<std::pair<Ref, Ref>> items;
  size_t pos = 0;
  Value key, value;
  while (dict_next(kw.get(), &pos, &key, &value)) items.emplace_back(Ref::borrow(key), Ref::borrow(value));
  for (const auto& [k, v] : items) {
    if (error_occurred()) break;
    Ref name = Ref::steal(runtime::str(k.get()));
    if (!name) break;
    text += ", " + str_to_utf8(name.get()) + "=" + repr_utf8(v.get());
  }
  coll::repr_leave(self.as_object());
  if (error_occurred()) return Value();
  return str_from_utf8(text + ")");
}

Value partial_reduce(Value self) {
  PartialObject* p = as_partial(self);
  Ref args = Ref::steal(tuple_pack({p->fn}));
  Ref state = Ref::steal(tuple_pack({p->fn, p->args, p->kw, p->dict ? p->dict : none()}));
  if (!args || !state) return Value();
  return tuple_pack({Value::object(type_of(self)), args.get(), state.get()});
}

Value partial_setstate(Value self, Value state) {
  if (!is_tuple(state) || tuple_size(state) != 4) return raise(exc::TypeError, "invalid partial state");
  Value fn = tuple_get(state, 0), fnargs = tuple_get(state, 1), kw = tuple_get(state, 2), dict = tuple_get(state, 3);
  if (!type_of(fn)->call || !is_tuple(fnargs) || (!kw.is(none()) && !is_dict(kw)))
    return raise(exc::TypeError, "invalid partial state");
  Ref args = Ref::steal(tuple_from_array(tuple_items(fnargs), tuple_size(fnargs)));
  Ref keywords = Ref::steal(kw.is(none()) ? dict_new() : dict_copy(kw));
  if (!args || !keywords) return Value();
  PartialObject* p = as_partial(self);
  Value old[4] = {p->fn, p->args, p->kw, p->dict};
  p->fn = new_ref(fn);
  p->args = args.release();
  p->kw = keywords.release();
  p->dict = dict.is(none()) ? Value() : new_ref(dict);
  for (Value v : old) xdecref(v);
  return new_ref(none());
}

Value partial_get_dict(Value self) { return object_get_dict(self); }
int partial_set_dict(Value self, Value value) {
  if (!value) {
    raise(exc::TypeError, "a partial object's dictionary may not be deleted");
    return -1;
  }
  if (!is_dict(value)) {
    raise(exc::TypeError, "setting partial object's dictionary to a non-dict");
    return -1;
  }
  PartialObject* p = as_partial(self);
  Value old = p->dict;
  p->dict = new_ref(value);
  xdecref(old);
  return 0;
}

const MethodDef partial_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(&partial_reduce), MethodKind::NoArgs},
    {"__setstate__", reinterpret_cast<void*>(&partial_setstate), MethodKind::OneArg},
    {"__class_getitem__", reinterpret_cast<void*>(&class_getitem_generic), MethodKind::OneArg, true},
    {nullptr, nullptr, MethodKind::NoArgs},
};
const GetSetDef partial_getsets[] = {
    {"__dict__", partial_get_dict, partial_set_dict},
    {nullptr, nullptr},
};
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"  // Object-derived, but a plain layout
const MemberDef partial_members[] = {
    {"func", MemberKind::Object, offsetof(PartialObject, fn), true, "function object to use in future partial calls"},
    {"args", MemberKind::Object, offsetof(PartialObject, args), true, "tuple of arguments to future partial calls"},
    {"keywords", MemberKind::Object, offsetof(PartialObject, kw), true,
     "dictionary of keyword arguments to future partial calls"},
    {nullptr, MemberKind::Object, 0},
};
#pragma GCC diagnostic pop


// --- _lru_cache_wrapper --------------------------------------------------------------------------

// The cache maps a key to the result (unbounded cache) or to an LruNode (bounded cache), whose
// nodes also form a circular list from least to most recently used, as CPython's C version, so
// hits, misses, evictions and __hash__ calls happen in the same order.
struct LruNode : Object {
  LruNode* prev;   // the list (not owned: the cache dict owns the nodes)
  LruNode* next;
  int64_t hash;
  Value key;
  Value result;
};

struct LruCacheObject : Object {
  Value func;
  Value cache;            // dict
  Value cache_info_type;
  Value kwd_mark;         // shared separator object between positional and keyword parts of a key
  Value dict;             // __dict__
  Value weaklist;
  int64_t maxsize;        // -1: unbounded
  bool typed;
  int64_t hits, misses;
  LruNode root;           // the list head (never a Python-visible object)
};

TypeObject lru_cache_type, lru_node_type;

LruCacheObject* as_lru(Value v) { return static_cast<LruCacheObject*>(v.as_object()); }

void node_clear(Object* self) {
  auto* n = static_cast<LruNode*>(self);
  Value key = n->key, result = n->result;
  n->key = n->result = Value();
  xdecref(key);
  xdecref(result);
}
void node_dealloc(Object* self) {
  node_clear(self);
  free_object(self);
}
void node_traverse(Object* self, VisitFunc visit, void* context) {
  auto* n = static_cast<LruNode*>(self);
  if (n->key.is_object()) visit(n->key, context);
  if (n->result.is_object()) visit(n->result, context);
}

void unlink_node(LruNode* n) {
  n->prev->next = n->next;
  n->next->prev = n->prev;
}
void append_node(LruCacheObject* c, LruNode* n) {
  LruNode* last = c->root.prev;
  last->next = c->root.prev = n;
  n->prev = last;
  n->next = &c->root;
}

// The key of a call: the single argument itself (exact int or str, untyped, no keywords), else
// a tuple of the arguments [, kwd_mark, name, value...] [, their types...].
Value make_key(LruCacheObject* c, const Value* args, size_t nargs, Value kwnames) {
  size_t nkw = keyword_count(kwnames);
  if (!c->typed && nkw == 0) {
    if (nargs == 1 && (is_int_exact(args[0]) || is_str_exact(args[0]))) return new_ref(args[0]);
    return tuple_from_array(args, nargs);
  }
  size_t size = nargs + (nkw ? 2 * nkw + 1 : 0) + (c->typed ? nargs + nkw : 0);
  Value key = tuple_new(size);
  if (!key) return Value();
  Value* items = tuple_items(key);
  size_t k = 0;
  for (size_t i = 0; i < nargs; ++i) items[k++] = new_ref(args[i]);
  if (nkw) {
    items[k++] = new_ref(c->kwd_mark);
    for (size_t i = 0; i < nkw; ++i) {
      items[k++] = new_ref(tuple_get(kwnames, i));
      items[k++] = new_ref(args[nargs + i]);
    }
  }
  if (c->typed) {
    for (size_t i = 0; i < nargs + nkw; ++i) items[k++] = new_ref(Value::object(type_of(args[i])));
  }
  return key;
}

Value lru_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  LruCacheObject* c = as_lru(self);
  if (c->maxsize == 0) {
    ++c->misses;
    return call(c->func, args, nargs, kwnames);
  }
  Ref key = Ref::steal(make_key(c, args, nargs, kwnames));
  if (!key) return Value();
  int64_t h = hash(key.get());
  if (h == -1) return Value();
  Value found = dict_get_item_hash(c->cache, key.get(), h);
  if (c->maxsize < 0) {
    if (found) {
      ++c->hits;
      return new_ref(found);
    }
    if (error_occurred()) return Value();
    ++c->misses;
    Ref result = Ref::steal(call(c->func, args, nargs, kwnames));
    if (!result) return Value();
    if (dict_set_item_hash(c->cache, key.get(), result.get(), h) < 0) return Value();
    return result.release();
  }
  if (found) {
    auto* node = static_cast<LruNode*>(found.as_object());
    unlink_node(node);
    append_node(c, node);
    ++c->hits;
    return new_ref(node->result);
  }
  if (error_occurred()) return Value();
  ++c->misses;
  Ref result = Ref::steal(call(c->func, args, nargs, kwnames));
  if (!result) return Value();
  // The call may have added the key itself (recursion): the links are already right then.
  Value again = dict_get_item_hash(c->cache, key.get(), h);
  if (again) return result.release();
  if (error_occurred()) return Value();
  if (static_cast<int64_t>(dict_size(c->cache)) < c->maxsize || c->root.next == &c->root) {
    auto* node = static_cast<LruNode*>(allocate_object(&lru_node_type, sizeof(LruNode)));
    if (node == nullptr) return Value();
    node->hash = h;
    node->key = new_ref(key.get());
    node->result = new_ref(result.get());
    gc_track(node);
    Ref holder = Ref::steal(Value::object(node));
    if (dict_set_item_hash(c->cache, key.get(), holder.get(), h) < 0) return Value();
    append_node(c, node);
    return result.release();
  }
  // Full: the least recently used node is reused for the new key.
  LruNode* node = c->root.next;
  unlink_node(node);
  // Held across the pop: a key's __eq__ may clear the cache (and free the node and its key).
  Ref hold = Ref::borrow(Value::object(node));
  Ref old_key_hold = Ref::borrow(node->key);
  Ref popped = Ref::steal(dict_pop(c->cache, old_key_hold.get(), none()));
  if (!popped) return Value();
  if (popped.get().is(none())) return result.release();  // removed meanwhile: the node is orphaned
  Ref old_key = Ref::steal(node->key), old_result = Ref::steal(node->result);
  node->hash = h;
  node->key = new_ref(key.get());
  node->result = new_ref(result.get());
  if (dict_set_item_hash(c->cache, key.get(), popped.get(), h) < 0) return Value();
  append_node(c, node);
  return result.release();
}

Value lru_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  Value a[4];
  if (!match_arguments("lru_cache", args, nargs, kwnames, {"user_function", "maxsize", "typed", "cache_info_type"},
                       4, 4, a))
    return Value();
  if (!type_of(a[0])->call) return raise(exc::TypeError, "the first argument must be callable");
  int64_t maxsize;
  if (a[1].is(none())) {
    maxsize = -1;
  } else if (is_int(a[1]) || type_of(a[1])->number.index) {
    if (!ssize_argument(a[1], &maxsize)) return Value();
    if (maxsize < 0) maxsize = 0;
  } else {
    return raise(exc::TypeError, "maxsize should be integer or None");
  }
  int typed = is_true(a[2]);
  if (typed < 0) return Value();
  static Value kwd_mark;  // one for the process (module state in CPython): a static root
  if (!kwd_mark) {
    kwd_mark = call_no_args(Value::object(&object_type));
    if (!kwd_mark) return Value();
    declare_static_root(&kwd_mark);
  }
  Ref cache = Ref::steal(dict_new());
  if (!cache) return Value();
  auto* c = static_cast<LruCacheObject*>(allocate_object(type, type->basic_size));
  if (c == nullptr) return Value();
  c->func = new_ref(a[0]);
  c->cache = cache.release();
  c->cache_info_type = new_ref(a[3]);
  c->kwd_mark = new_ref(kwd_mark);
  c->maxsize = maxsize;
  c->typed = typed != 0;
  c->root.prev = c->root.next = &c->root;
  gc_track(c);
  return Value::object(c);
}

// Empties the list and the dict (the dict owns the nodes; they go with it).
void lru_clear_cache(LruCacheObject* c) {
  c->root.prev = c->root.next = &c->root;
  if (c->cache) dict_clear(c->cache);
}

void lru_clear(Object* self) {
  auto* c = static_cast<LruCacheObject*>(self);
  lru_clear_cache(c);
  Value fields[5] = {c->func, c->cache, c->cache_info_type, c->kwd_mark, c->dict};
  c->func = c->cache = c->cache_info_type = c->kwd_mark = c->dict = Value();
  for (Value v : fields) xdecref(v);
}
void lru_dealloc(Object* self) {
  lru_clear(self);
  free_object(self);
}
void lru_traverse(Object* self, VisitFunc visit, void* context) {
  auto* c = static_cast<LruCacheObject*>(self);
  for (Value v : {c->func, c->cache, c->cache_info_type, c->kwd_mark, c->dict})
    if (v.is_object()) visit(v, context);
}

Value lru_descr_get(Value self, Value instance, Value) {
  if (!instance || instance.is(none())) return new_ref(self);
  return method_new(self, instance);
}

Value lru_cache_info(Value self) {
  LruCacheObject* c = as_lru(self);
  Ref hits = Ref::steal(int_from_int64(c->hits)), misses = Ref::steal(int_from_int64(c->misses));
  Ref maxsize = c->maxsize < 0 ? Ref::borrow(none()) : Ref::steal(int_from_int64(c->maxsize));
  Ref size = Ref::steal(int_from_int64(static_cast<int64_t>(dict_size(c->cache))));
  if (!hits || !misses || !maxsize || !size) return Value();
  Value args[4] = {hits.get(), misses.get(), maxsize.get(), size.get()};
  return call(c->cache_info_type, args, 4);
}

Value lru_cache_clear(Value self) {
  LruCacheObject* c = as_lru(self);
  c->hits = c->misses = 0;
  lru_clear_cache(c);
  return new_ref(none());
}

Value lru_reduce(Value self) { return get_attr(self, "__qualname__"); }
Value lru_copy(Value self) { return new_ref(self); }
Value lru_deepcopy(Value self, Value) { return new_ref(self); }

const MethodDef lru_methods[] = {
    {"cache_info", reinterpret_cast<void*>(&lru_cache_info), MethodKind::NoArgs},
    {"cache_clear", reinterpret_cast<void*>(&lru_cache_clear), MethodKind::NoArgs},
    {"__reduce__", reinterpret_cast<void*>(&lru_reduce), MethodKind::NoArgs},
    {"__copy__", reinterpret_cast<void*>(&lru_copy), MethodKind::NoArgs},
    {"__deepcopy__", reinterpret_cast<void*>(&lru_deepcopy), MethodKind::OneArg},
    {nullptr, nullptr, MethodKind::NoArgs},
};
const GetSetDef lru_getsets[] = {
    {"__dict__", partial_get_dict, partial_set_dict},
    {nullptr, nullptr},
};

const MethodDef functools_functions[] = {
    {"reduce", reinterpret_cast<void*>(&reduce_fn), MethodKind::FastKeywords},
    {"cmp_to_key", reinterpret_cast<void*>(&cmp_to_key_fn), MethodKind::FastKeywords},
    {nullptr, nullptr, MethodKind::NoArgs},
};

int ready_types() {
  static bool done = false;
  if (done) return 0;
  init_functools_type(partial_type, "partial", sizeof(PartialObject), TypeFlag::HaveGc | TypeFlag::BaseType);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
  partial_type.dict_offset = offsetof(PartialObject, dict);
  partial_type.weaklist_offset = offsetof(PartialObject, weaklist);
#pragma GCC diagnostic pop
  partial_type.new_ = partial_new;
  partial_type.call = partial_call;
  partial_type.repr = partial_repr;
  partial_type.dealloc = partial_dealloc;
  partial_type.traverse = partial_traverse;
  partial_type.clear = partial_clear;
  partial_type.getattro = object_generic_getattr;
  partial_type.setattro = object_generic_setattr;
  add_methods(&partial_type, partial_methods);
  add_getsets(&partial_type, partial_getsets);
  add_members(&partial_type, partial_members);

  init_functools_type(keywrapper_type, "KeyWrapper", sizeof(KeyObject), TypeFlag::HaveGc);
  keywrapper_type.call = key_call;
  keywrapper_type.richcompare = key_richcompare;
  keywrapper_type.dealloc = key_dealloc;
  keywrapper_type.traverse = key_traverse;
  keywrapper_type.clear = key_clear;
  add_members(&keywrapper_type, key_members);

  init_functools_type(lru_node_type, "_lru_list_elem", sizeof(LruNode), TypeFlag::HaveGc);
  lru_node_type.dealloc = node_dealloc;
  lru_node_type.traverse = node_traverse;
  lru_node_type.clear = node_clear;

  init_functools_type(lru_cache_type, "_lru_cache_wrapper", sizeof(LruCacheObject),
                      TypeFlag::HaveGc | TypeFlag::BaseType);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
  lru_cache_type.dict_offset = offsetof(LruCacheObject, dict);
  lru_cache_type.weaklist_offset = offsetof(LruCacheObject, weaklist);
#pragma GCC diagnostic pop
  lru_cache_type.new_ = lru_new;
  lru_cache_type.call = lru_call;
  lru_cache_type.descr_get = lru_descr_get;
  lru_cache_type.dealloc = lru_dealloc;
  lru_cache_type.traverse = lru_traverse;
  lru_cache_type.clear = lru_clear;
  add_methods(&lru_cache_type, lru_methods);
  add_getsets(&lru_cache_type, lru_getsets);

  for (TypeObject* t : {&partial_type, &keywrapper_type, &lru_node_type, &lru_cache_type})
    if (type_ready(t) < 0) return -1;
  done = true;
  return 0;
}

}  // namespace

Value make_partial(Value func, const Value* args, size_t nargs, Value kwargs) {
  if (ready_types() < 0) return Value();
  return partial_build(&partial_type, func, Value(), args, nargs, Value(), kwargs);
}

Value create_functools_module() {
  if (ready_types() < 0) return Value();
  Ref module = Ref::steal(module_new("_functools"));
  if (!module) return Value();
  if (module_add_functions(module.get(), functools_functions) < 0) return Value();
  if (module_add(module.get(), "partial", Value::object(&partial_type)) < 0 ||
      module_add(module.get(), "_lru_cache_wrapper", Value::object(&lru_cache_type)) < 0)
    return Value();
  return module.release();
}

}  // namespace krait::modules
