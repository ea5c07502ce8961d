// The type of types: type_ready for built-in types, C3 MRO, attribute lookup along the MRO,
// attributes and methods of `type`, calling a type (new + init), metaclass calculation.
// Class creation from a class statement is in class_create.cpp; `object` in object_base.cpp.
#include <algorithm>
#include <cstddef>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/builtin_function.h"
#include "runtime/core_internal.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memory.h"
#include "runtime/tuple.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace krait::runtime {

TypeObject type_type;

void init_static_type(TypeObject* type, const char* name, TypeObject* base, size_t basic_size) {
  make_immortal(type);
  type->type = &type_type;
  type->name = name;
  std::string_view n(name);
  size_t dot = n.rfind('.');
  type->qualname = dot == std::string_view::npos ? std::string(n) : std::string(n.substr(dot + 1));
  type->base = base;
  type->flags |= TypeFlag::BaseType;
  type->basic_size = basic_size;
}

void dealloc_plain(Object* self) { free_object(self); }

// --- lookup ------------------------------------------------------------------------------------

namespace {

// The attribute cache (CPython's method cache): (type version, interned name) -> the value found
// along the MRO, or null for "absent". A version changes whenever the type or one of its bases
// changes (type_modified), so stale entries are never matched; names are held by the cache.
struct CacheEntry {
  uint32_t version;
  Value name;
  Value value;   // borrowed from the type's dict (valid while the version is current)
};
constexpr size_t kCacheSize = 1 << 12;
CacheEntry attribute_cache[kCacheSize];

size_t cache_index(uint32_t version, Value name) {
  return (version ^ (name.bits() >> 4)) & (kCacheSize - 1);
}

Value lookup_uncached(TypeObject* type, Value name);

}  // namespace

Value type_lookup(TypeObject* type, Value name) {
  uint32_t version = type->version_tag;
  if (version != 0 && is_exact_str_fast(name) && (name.as_object()->flags & ObjectFlag::Interned)) {
    CacheEntry& e = attribute_cache[cache_index(version, name)];
    if (e.version == version && e.name.is(name)) return e.value;
    Value v = lookup_uncached(type, name);
    e.version = version;
    if (!e.name.is(name)) {
      Value old = e.name;
      incref(name);
      e.name = name;
      decref(old);
    }
    e.value = v;
    return v;
  }
  return lookup_uncached(type, name);
}

namespace {
Value lookup_uncached(TypeObject* type, Value name) {
  Value mro = type->mro;
  if (mro.is_null()) {
    for (TypeObject* t = type; t != nullptr; t = t->base) {
      if (t->dict.is_null()) continue;
      Value v = dict_get_item(t->dict, name);
      if (v) return v;
    }
    return Value();
  }
  size_t n = tuple_size(mro);
  Value* items = tuple_items(mro);
  for (size_t i = 0; i < n; ++i) {
    auto* t = static_cast<TypeObject*>(items[i].as_object());
    Value v = dict_get_item(t->dict, name);
    if (v) return v;
  }
  return Value();
}
}  // namespace

Value type_lookup(TypeObject* type, const char* name) {
  Ref key = Ref::steal(str_intern(name));
  return type_lookup(type, key.get());
}

bool is_subtype(const TypeObject* type, const TypeObject* base) {
  if (type == base) return true;
  Value mro = type->mro;
  if (mro.is_null()) {
    for (const TypeObject* t = type; t != nullptr; t = t->base)
      if (t == base) return true;
    return base == &object_type;
  }
  size_t n = tuple_size(mro);
  Value* items = tuple_items(mro);
  for (size_t i = 0; i < n; ++i)
    if (items[i].as_object() == base) return true;
  return false;
}

// --- subclass lists (keys: the subclass's address as an int; weak) -----------------------------

void type_add_subclass(TypeObject* base, TypeObject* type) {
  if (base->subclasses.is_null()) base->subclasses = dict_new();
  Ref key = Ref::steal(int_from_int64(static_cast<int64_t>(reinterpret_cast<uintptr_t>(type))));
  if (dict_set_item(base->subclasses, key.get(), none()) < 0) clear_error();
}

void type_remove_subclass(TypeObject* base, TypeObject* type) {
  if (base->subclasses.is_null()) return;
  // Runs in deallocation, maybe with an exception pending: a missing entry must not raise.
  Ref key = Ref::steal(int_from_int64(static_cast<int64_t>(reinterpret_cast<uintptr_t>(type))));
  Ref removed = Ref::steal(dict_pop(base->subclasses, key.get(), none()));
}

void type_modified(TypeObject* type) {
  static uint32_t next_version = 1;
  type->version_tag = ++next_version;
  if (type->subclasses.is_null()) return;
  size_t pos = 0;
  Value key;
  while (dict_next(type->subclasses, &pos, &key, nullptr))
    type_modified(reinterpret_cast<TypeObject*>(static_cast<uintptr_t>(key.as_small_int())));
}

// --- C3 linearization ----------------------------------------------------------------------------

namespace {

TypeObject* as_type(Value v) { return static_cast<TypeObject*>(v.as_object()); }

bool is_type(Value v) { return v.is_object() && is_subtype(v.as_object()->type, &type_type); }

}  // namespace

Value type_compute_mro(TypeObject* type) {
  Value bases = type->bases;
  size_t nbases = tuple_size(bases);
  // Fast path: one base (or none): type + base's MRO.
  if (nbases <= 1) {
    size_t n = nbases ? tuple_size(as_type(tuple_get(bases, 0))->mro) : 0;
    Value mro = tuple_new(n + 1);
    if (!mro) return Value();
    incref(Value::object(type));
    tuple_items(mro)[0] = Value::object(type);
    for (size_t i = 0; i < n; ++i) {
      Value b = tuple_get(as_type(tuple_get(bases, 0))->mro, i);
      incref(b);
      tuple_items(mro)[i + 1] = b;
    }
    return mro;
  }
  for (size_t i = 0; i < nbases; ++i)
    for (size_t j = i + 1; j < nbases; ++j)
      if (tuple_get(bases, i).is(tuple_get(bases, j)))
        return raise_format(exc::TypeError, "duplicate base class %s", as_type(tuple_get(bases, i))->qualname.c_str());
  std::vector<std::vector<TypeObject*>> seqs;
  for (size_t i = 0; i < nbases; ++i) {
    Value m = as_type(tuple_get(bases, i))->mro;
    std::vector<TypeObject*> s;
    for (size_t k = 0; k < tuple_size(m); ++k) s.push_back(as_type(tuple_get(m, k)));
    seqs.push_back(std::move(s));
  }
  std::vector<TypeObject*> base_list;
  for (size_t i = 0; i < nbases; ++i) base_list.push_back(as_type(tuple_get(bases, i)));
  seqs.push_back(base_list);
  std::vector<size_t> heads(seqs.size(), 0);
  std::vector<TypeObject*> result{type};
  for (;;) {
    bool empty = true;
    bool progressed = false;
    for (size_t i = 0; i < seqs.size(); ++i) {
      if (heads[i] >= seqs[i].size()) continue;
      empty = false;
      TypeObject* candidate = seqs[i][heads[i]];
      bool in_tail = false;
      for (size_t j = 0; j < seqs.size() && !in_tail; ++j)
        for (size_t k = heads[j] + 1; k < seqs[j].size(); ++k)
          if (seqs[j][k] == candidate) { in_tail = true; break; }
      if (in_tail) continue;
      result.push_back(candidate);
      for (size_t j = 0; j < seqs.size(); ++j)
        if (heads[j] < seqs[j].size() && seqs[j][heads[j]] == candidate) ++heads[j];
      progressed = true;
      break;
    }
    if (empty) break;
    if (!progressed) {
      // CPython lists the bases still blocking, in order of the remaining heads.
      std::string names;
      std::vector<TypeObject*> shown;
      for (size_t i = 0; i < seqs.size(); ++i) {
        if (heads[i] >= seqs[i].size()) continue;
        TypeObject* t = seqs[i][heads[i]];
        if (std::find(shown.begin(), shown.end(), t) != shown.end()) continue;
        shown.push_back(t);
        if (!names.empty()) names += ", ";
        names += t->qualname;
      }
      return raise(exc::TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases " + names);
    }
  }
  Value mro = tuple_new(result.size());
  if (!mro) return Value();
  for (size_t i = 0; i < result.size(); ++i) {
    incref(Value::object(result[i]));
    tuple_items(mro)[i] = Value::object(result[i]);
  }
  return mro;
}

namespace {
Value compute_mro(TypeObject* type) { return type_compute_mro(type); }

// Copies the slots `type` left null from `base` (CPython's inherit_slots).
void inherit_slots(TypeObject* type, TypeObject* base, bool own_new_null_static) {
#define INHERIT(field) if (!type->field) type->field = base->field
  INHERIT(repr); INHERIT(str); INHERIT(getattro); INHERIT(setattro); INHERIT(call);
  INHERIT(iter); INHERIT(iternext); INHERIT(descr_get); INHERIT(descr_set); INHERIT(init);
  INHERIT(finalize); INHERIT(dealloc);
  if ((type->flags & TypeFlag::HaveGc) == (base->flags & TypeFlag::HaveGc)) {
    INHERIT(traverse); INHERIT(clear);
  }
  if (!own_new_null_static) INHERIT(new_);
  INHERIT(var_bytes); INHERIT(item_size);
  if (!type->richcompare && !type->hash) {
    bool has_eq = !dict_get_item(type->dict, KRAIT_NAME("__eq__")).is_null();
    bool has_hash = !dict_get_item(type->dict, KRAIT_NAME("__hash__")).is_null();
    if (!has_eq && !has_hash) {
      type->richcompare = base->richcompare;
      type->hash = base->hash;
    }
  }
  NumberSlots& n = type->number;
  const NumberSlots& b = base->number;
#define INHERIT_N(f) if (!n.f) n.f = b.f
  INHERIT_N(add); INHERIT_N(subtract); INHERIT_N(multiply); INHERIT_N(remainder); INHERIT_N(divmod);
  INHERIT_N(lshift); INHERIT_N(rshift); INHERIT_N(and_); INHERIT_N(xor_); INHERIT_N(or_);
  INHERIT_N(floor_divide); INHERIT_N(true_divide); INHERIT_N(matrix_multiply); INHERIT_N(power);
  INHERIT_N(inplace_add); INHERIT_N(inplace_subtract); INHERIT_N(inplace_multiply);
  INHERIT_N(inplace_remainder); INHERIT_N(inplace_lshift); INHERIT_N(inplace_rshift);
  INHERIT_N(inplace_and); INHERIT_N(inplace_xor); INHERIT_N(inplace_or);
  INHERIT_N(inplace_floor_divide); INHERIT_N(inplace_true_divide);
  INHERIT_N(inplace_matrix_multiply); INHERIT_N(inplace_power);
  INHERIT_N(negative); INHERIT_N(positive); INHERIT_N(absolute); INHERIT_N(invert);
  INHERIT_N(bool_); INHERIT_N(int_); INHERIT_N(float_); INHERIT_N(index);
  SequenceSlots& s = type->sequence;
  const SequenceSlots& sb = base->sequence;
  if (!s.length) s.length = sb.length;
  if (!s.concat) s.concat = sb.concat;
  if (!s.repeat) s.repeat = sb.repeat;
  if (!s.item) s.item = sb.item;
  if (!s.contains) s.contains = sb.contains;
  MappingSlots& m = type->mapping;
  if (!m.length) m.length = base->mapping.length;
  if (!m.subscript) m.subscript = base->mapping.subscript;
  if (!m.ass_subscript) m.ass_subscript = base->mapping.ass_subscript;
#undef INHERIT
#undef INHERIT_N
}

struct SubclassFlag {
  TypeObject* type;
  uint64_t flag;
};

}  // namespace

namespace {
struct PendingCall {
  PendingKind kind;
  TypeObject* type;
  const void* defs;
};
bool bootstrapping = false;
std::vector<PendingCall>* pending = nullptr;
}  // namespace

bool defer_during_bootstrap(PendingKind kind, TypeObject* type, const void* defs) {
  if (!bootstrapping) return false;
  pending->push_back({kind, type, defs});
  return true;
}

void begin_bootstrap() {
  bootstrapping = true;
  pending = new std::vector<PendingCall>();
}

int end_bootstrap() {
  bootstrapping = false;
  std::vector<PendingCall>* calls = pending;
  pending = nullptr;
  int result = 0;
  for (const PendingCall& c : *calls) {
    switch (c.kind) {
      case PendingKind::Methods: add_methods(c.type, static_cast<const MethodDef*>(c.defs)); break;
      case PendingKind::GetSets: add_getsets(c.type, static_cast<const GetSetDef*>(c.defs)); break;
      case PendingKind::Members: add_members(c.type, static_cast<const MemberDef*>(c.defs)); break;
      case PendingKind::Ready:
        if (type_ready(c.type) < 0) result = -1;
        break;
    }
    if (error_occurred()) result = -1;
  }
  delete calls;
  return result;
}

// object.__doc__ (other built-in types have no docstrings yet: None).
constexpr const char* kObjectDoc =
    "The base class of the class hierarchy.\n\n"
    "When called, it accepts no arguments and returns a new featureless\n"
    "instance that has no instance attributes and cannot be given any.\n";

int type_ready(TypeObject* type) {
  if (type->flags & TypeFlag::Ready) return 0;
  if (defer_during_bootstrap(PendingKind::Ready, type, nullptr)) return 0;
  if (type->type == nullptr) type->type = &type_type;
  if (type->base == nullptr && type != &object_type) type->base = &object_type;
  if (type->base && type_ready(type->base) < 0) return -1;
  if (type->bases.is_null()) {
    type->bases = type->base ? tuple_pack({Value::object(type->base)}) : tuple_empty();
    if (!type->bases) return -1;
  }
  for (size_t i = 0; i < tuple_size(type->bases); ++i)
    if (type_ready(as_type(tuple_get(type->bases, i))) < 0) return -1;
  if (type->dict.is_null()) {
    type->dict = dict_new();
    if (!type->dict) return -1;
  }
  bool heap = type->flags & TypeFlag::HeapType;
  // A static type with no constructor of its own cannot be instantiated from Python
  // (list_iterator()), even though object has one.
  bool new_null_static = !heap && type->new_ == nullptr && type->base == &object_type;
  if (!heap) {
    if (add_slot_wrappers(type) < 0) return -1;
    if (type->new_ && !dict_get_item(type->dict, KRAIT_NAME("__new__"))) {
      Ref f = Ref::steal(builtin_function_new(&tp_new_methoddef, Value::object(type), Value()));
      if (!f || dict_set_item(type->dict, KRAIT_NAME("__new__"), f.get()) < 0) return -1;
    }
    if (!dict_get_item(type->dict, KRAIT_NAME("__doc__"))) {
      Ref doc = type == &object_type ? Ref::steal(str_from_utf8(kObjectDoc)) : Ref::borrow(none());
      if (!doc || dict_set_item(type->dict, KRAIT_NAME("__doc__"), doc.get()) < 0) return -1;
    }
  }
  Value mro = compute_mro(type);
  if (!mro) return -1;
  Value old = type->mro;
  type->mro = mro;
  decref(old);
  if (type->base) {
    if (!type->basic_size) type->basic_size = type->base->basic_size;
    if (!type->dict_offset) type->dict_offset = type->base->dict_offset;
    if (!type->weaklist_offset) type->weaklist_offset = type->base->weaklist_offset;
    type->flags |= type->base->flags & (TypeFlag::HaveGc | TypeFlag::MatchSequence | TypeFlag::MatchMapping);
  }
  for (size_t i = 1; i < tuple_size(mro); ++i) inherit_slots(type, as_type(tuple_get(mro, i)), new_null_static);
  // A built-in type that compares but defines no hash (list, dict, set...) is unhashable, and
  // says so in its dict: __hash__ = None (CPython's type_ready_set_hash).
  if (!heap && !type->hash) {
    if (!dict_get_item(type->dict, KRAIT_NAME("__hash__")) &&
        dict_set_item(type->dict, KRAIT_NAME("__hash__"), none()) < 0)
      return -1;
    type->hash = hash_not_implemented;
  }
  static const SubclassFlag kFlags[] = {
      {&int_type, TypeFlag::IntSubclass},     {&list_type, TypeFlag::ListSubclass},
      {&tuple_type, TypeFlag::TupleSubclass}, {&bytes_type, TypeFlag::BytesSubclass},
      {&str_type, TypeFlag::StrSubclass},     {&dict_type, TypeFlag::DictSubclass},
      {&type_type, TypeFlag::TypeSubclass},
  };
  for (const SubclassFlag& f : kFlags)
    if (is_subtype(type, f.type)) type->flags |= f.flag;
  if (exc::BaseException && is_subtype(type, exc::BaseException)) type->flags |= TypeFlag::BaseExceptionSubclass;
  for (size_t i = 0; i < tuple_size(type->bases); ++i) type_add_subclass(as_type(tuple_get(type->bases, i)), type);
  type->flags |= TypeFlag::Ready;
  type_modified(type);
  return 0;
}

// --- the metaclass of a class statement -----------------------------------------------------------

TypeObject* calculate_metaclass(TypeObject* meta, Value bases) {
  TypeObject* winner = meta ? meta : &type_type;
  for (size_t i = 0; i < tuple_size(bases); ++i) {
    TypeObject* t = type_of(tuple_get(bases, i));
    if (is_subtype(winner, t)) continue;
    if (is_subtype(t, winner)) {
      winner = t;
      continue;
    }
    raise(exc::TypeError,
          "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass "
          "of the metaclasses of all its bases");
    return nullptr;
  }
  return winner;
}

// --- calling a type ------------------------------------------------------------------------------

// Instances of classes deriving from built-in types whose constructors do not track their
// objects (int, str, float...) get tracked here: they have a __dict__ or slots that can close a
// cycle. Otherwise a cycle through one could never be collected.
static void track_heap_instance(Value obj) {
  if (!obj.is_object()) return;  // int.__new__(int, 5) is an immediate
  Object* o = obj.as_object();
  if ((o->type->flags & TypeFlag::HeapType) && (o->flags & ObjectFlag::HasGcHeader) && !gc_is_tracked(o))
    gc_track(o);
}

Value type_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  TypeObject* type = as_type(callable);
  if (type == &type_type && nargs == 1 && kw_count(kwnames) == 0) {
    TypeObject* t = type_of(args[0]);
    incref(Value::object(t));
    return Value::object(t);
  }
  if (type->new_ == nullptr)
    return raise_format(exc::TypeError, "cannot create '%s' instances", type->name.c_str());
  Value obj = type->new_(type, args, nargs, kwnames);
  if (obj.is_null()) return obj;
  TypeObject* t = type_of(obj);
  if (!is_subtype(t, type)) return obj;
  track_heap_instance(obj);
  if (t->init && t->init(obj, args, nargs, kwnames) < 0) {
    decref(obj);
    return Value();
  }
  return obj;
}

namespace {

// type(name, bases, dict, **kwds) / type(obj)
Value type_new_slot(TypeObject* metatype, const Value* args, size_t nargs, Value kwnames) {
  size_t nkw = kw_count(kwnames);
  if (metatype == &type_type && nargs == 1 && nkw == 0) {
    TypeObject* t = type_of(args[0]);
    incref(Value::object(t));
    return Value::object(t);
  }
  if (nargs != 3) return raise(exc::TypeError, nargs == 1 || nargs == 3 ? "type.__new__() takes exactly 3 arguments"
                                                                          : "type() takes 1 or 3 arguments");
  if (!is_str(args[0]))
    return raise_format(exc::TypeError, "type.__new__() argument 1 must be str, not %s", value_type_name(args[0]));
  if (!is_tuple(args[1]))
    return raise_format(exc::TypeError, "type.__new__() argument 2 must be tuple, not %s", value_type_name(args[1]));
  if (!is_dict(args[2]))
    return raise_format(exc::TypeError, "type.__new__() argument 3 must be dict, not %s", value_type_name(args[2]));
  TypeObject* winner = calculate_metaclass(metatype, args[1]);
  if (!winner) return Value();
  if (winner != metatype && winner->new_ != &type_new_slot)
    return winner->new_(winner, args, nargs, kwnames);
  Ref kwargs;
  if (nkw) {
    kwargs = Ref::steal(dict_new());
    for (size_t i = 0; i < nkw; ++i)
      if (dict_set_item(kwargs.get(), tuple_get(kwnames, i), args[nargs + i]) < 0) return Value();
  }
  return create_class(winner, args[0], args[1], args[2], kwargs.get());
}

int type_init_slot(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs != 1 && nargs != 3) {
    raise(exc::TypeError, "type.__init__() takes 1 or 3 arguments");
    return -1;
  }
  return 0;
}

Value type_repr(Value self) {
  TypeObject* t = as_type(self);
  Value module = (t->flags & TypeFlag::HeapType) ? dict_get_item(t->dict, KRAIT_NAME("__module__")) : Value();
  if (module && is_str(module) && !str_equal_ascii(module, "builtins"))
    return str_from_format("<class '%s.%s'>", str_cstr(module), t->qualname.c_str());
  return str_from_format("<class '%s'>", t->name.c_str());
}

Value type_getattro(Value self, Value name) {
  TypeObject* type = as_type(self);
  TypeObject* meta = type_of(self);
  Value meta_attr = type_lookup(meta, name);
  DescrGetFunc meta_get = nullptr;
  if (meta_attr) {
    Ref keep = Ref::borrow(meta_attr);
    meta_get = type_of(meta_attr)->descr_get;
    if (meta_get && type_of(meta_attr)->descr_set) return meta_get(meta_attr, self, Value::object(meta));
  }
  Value attr = type_lookup(type, name);
  if (attr) {
    Ref keep = Ref::borrow(attr);
    DescrGetFunc get = type_of(attr)->descr_get;
    if (get) return get(attr, Value(), self);
    return keep.release();
  }
  if (meta_get) return meta_get(meta_attr, self, Value::object(meta));
  if (meta_attr) {
    incref(meta_attr);
    return meta_attr;
  }
  return raise_format(exc::AttributeError, "type object '%s' has no attribute '%s'", type->qualname.c_str(),
                      str_cstr(name));
}

int type_setattro(Value self, Value name, Value value) {
  TypeObject* type = as_type(self);
  if (!(type->flags & TypeFlag::HeapType) || (type->flags & TypeFlag::Immutable)) {
    raise_format(exc::TypeError, "cannot set '%s' attribute of immutable type '%s'", str_cstr(name),
                 type->name.c_str());
    return -1;
  }
  Value descr = type_lookup(type_of(self), name);
  if (descr) {
    DescrSetFunc set = type_of(descr)->descr_set;
    if (set) {
      Ref keep = Ref::borrow(descr);
      return set(descr, self, value);
    }
  }
  Ref key = Ref::steal(intern(Ref::borrow(name).release()));
  if (value.is_null()) {
    if (dict_del_item(type->dict, key.get()) < 0) {
      if (!error_matches(exc::KeyError)) return -1;
      clear_error();
      raise_format(exc::AttributeError, "type object '%s' has no attribute '%s'", type->qualname.c_str(),
                   str_cstr(name));
      return -1;
    }
  } else if (dict_set_item(type->dict, key.get(), value) < 0) {
    return -1;
  }
  type_modified(type);
  update_slots_for_name(type, key.get());
  return 0;
}

// --- attributes of types -------------------------------------------------------------------------

Value get_name(Value self) {
  TypeObject* t = as_type(self);
  if (t->flags & TypeFlag::HeapType) return str_from_utf8(t->name);
  std::string_view n = t->name;
  size_t dot = n.rfind('.');
  return str_from_utf8(dot == std::string_view::npos ? n : n.substr(dot + 1));
}

bool check_heap_set(Value self, Value value, const char* attr) {
  TypeObject* t = as_type(self);
  if (!(t->flags & TypeFlag::HeapType)) {
    raise_format(exc::TypeError, "cannot set '%s' attribute of immutable type '%s'", attr, t->name.c_str());
    return false;
  }
  if (value.is_null()) {
    raise_format(exc::TypeError, "cannot delete '%s' attribute of immutable type '%s'", attr, t->name.c_str());
    return false;
  }
  return true;
}

int set_name(Value self, Value value) {
  if (!check_heap_set(self, value, "__name__")) return -1;
  if (!is_str(value)) {
    raise_format(exc::TypeError, "can only assign string to %s.__name__, not '%s'", as_type(self)->name.c_str(),
                 value_type_name(value));
    return -1;
  }
  as_type(self)->name = std::string(str_utf8(value));
  return 0;
}

Value get_qualname(Value self) { return str_from_utf8(as_type(self)->qualname); }
int set_qualname(Value self, Value value) {
  if (!check_heap_set(self, value, "__qualname__")) return -1;
  if (!is_str(value)) {
    raise_format(exc::TypeError, "can only assign string to %s.__qualname__, not '%s'", as_type(self)->name.c_str(),
                 value_type_name(value));
    return -1;
  }
  as_type(self)->qualname = std::string(str_utf8(value));
  return 0;
}

Value get_module(Value self) {
  TypeObject* t = as_type(self);
  if (t->flags & TypeFlag::HeapType) {
    Value m = dict_get_item(t->dict, KRAIT_NAME("__module__"));
    if (!m) return raise(exc::AttributeError, "__module__");
    incref(m);
    return m;
  }
  size_t dot = t->name.rfind('.');
  if (dot == std::string::npos) return str_intern("builtins");
  return str_from_utf8(std::string_view(t->name).substr(0, dot));
}
int set_module(Value self, Value value) {
  if (!check_heap_set(self, value, "__module__")) return -1;
  type_modified(as_type(self));
  return dict_set_item(as_type(self)->dict, KRAIT_NAME("__module__"), value);
}

Value get_bases(Value self) { incref(as_type(self)->bases); return as_type(self)->bases; }
Value get_mro(Value self) {
  Value m = as_type(self)->mro;
  if (m.is_null()) return incref(none()), none();
  incref(m);
  return m;
}
Value get_base(Value self) {
  TypeObject* b = as_type(self)->base;
  Value v = b ? Value::object(b) : none();
  incref(v);
  return v;
}

Value get_doc(Value self) {
  TypeObject* t = as_type(self);
  Value doc = dict_get_item(t->dict, KRAIT_NAME("__doc__"));
  if (!doc) return incref(none()), none();
  if (DescrGetFunc get = type_of(doc)->descr_get; get && (t->flags & TypeFlag::HeapType))
    return get(doc, Value(), self);
  incref(doc);
  return doc;
}
int set_doc(Value self, Value value) {
  if (!check_heap_set(self, value, "__doc__")) return -1;
  type_modified(as_type(self));
  return dict_set_item(as_type(self)->dict, KRAIT_NAME("__doc__"), value);
}
Value get_abstractmethods(Value self) {
  Value v = as_type(self) != &type_type ? dict_get_item(as_type(self)->dict, KRAIT_NAME("__abstractmethods__"))
                                        : Value();
  if (!v) return raise(exc::AttributeError, "__abstractmethods__");
  incref(v);
  return v;
}
int set_abstractmethods(Value self, Value value) {
  TypeObject* t = as_type(self);
  int abstract = 0;
  if (value) {
    abstract = is_true(value);
    if (abstract < 0) return -1;
    if (dict_set_item(t->dict, KRAIT_NAME("__abstractmethods__"), value) < 0) return -1;
  } else if (dict_del_item(t->dict, KRAIT_NAME("__abstractmethods__")) < 0) {
    clear_error();
    raise(exc::AttributeError, "__abstractmethods__");
    return -1;
  }
  type_modified(t);
  if (abstract) t->flags |= TypeFlag::Abstract;
  else t->flags &= ~TypeFlag::Abstract;
  return 0;
}
Value get_annotations(Value self) {
  TypeObject* t = as_type(self);
  if (!(t->flags & TypeFlag::HeapType))
    return raise_format(exc::AttributeError, "type object '%s' has no attribute '__annotations__'", t->name.c_str());
  Value a = dict_get_item(t->dict, KRAIT_NAME("__annotations__"));
  if (a) {
    if (DescrGetFunc get = type_of(a)->descr_get) return get(a, Value(), self);
    incref(a);
    return a;
  }
  Value d = dict_new();
  if (d && dict_set_item(t->dict, KRAIT_NAME("__annotations__"), d) < 0) {
    decref(d);
    return Value();
  }
  return d;
}
int set_annotations(Value self, Value value) {
  TypeObject* t = as_type(self);
  if (!(t->flags & TypeFlag::HeapType) || (t->flags & TypeFlag::Immutable)) {
    raise_format(exc::TypeError, "cannot set '__annotations__' attribute of immutable type '%s'", t->name.c_str());
    return -1;
  }
  type_modified(t);
  if (value) return dict_set_item(t->dict, KRAIT_NAME("__annotations__"), value);
  if (dict_del_item(t->dict, KRAIT_NAME("__annotations__")) < 0) {
    clear_error();
    raise(exc::AttributeError, "__annotations__");
    return -1;
  }
  return 0;
}
Value get_flags(Value self) {
  // CPython's bit values for the flags programs test (heap type, base type, GC, abstract...).
  TypeObject* t = as_type(self);
  int64_t f = 0;
  if (t->flags & TypeFlag::HeapType) f |= 1 << 9;
  if (t->flags & TypeFlag::BaseType) f |= 1 << 10;
  if (t->flags & TypeFlag::HaveGc) f |= 1 << 14;
  if (t->flags & TypeFlag::Abstract) f |= 1 << 20;
  if (t->flags & TypeFlag::Ready) f |= 1 << 12;
  if (t->flags & TypeFlag::IntSubclass) f |= 1 << 24;
  if (t->flags & TypeFlag::ListSubclass) f |= 1 << 25;
  if (t->flags & TypeFlag::TupleSubclass) f |= 1 << 26;
  if (t->flags & TypeFlag::BytesSubclass) f |= 1 << 27;
  if (t->flags & TypeFlag::StrSubclass) f |= 1 << 28;
  if (t->flags & TypeFlag::DictSubclass) f |= 1 << 29;
  if (t->flags & TypeFlag::BaseExceptionSubclass) f |= 1 << 30;
  if (t->flags & TypeFlag::TypeSubclass) f |= int64_t(1) << 31;
  if (t->flags & TypeFlag::MatchSequence) f |= 1 << 5;
  if (t->flags & TypeFlag::MatchMapping) f |= 1 << 6;
  if (t->flags & TypeFlag::Immutable) f |= 1 << 8;
  return int_from_int64(f);
}
Value get_basicsize(Value self) { return int_from_int64(int64_t(as_type(self)->basic_size)); }
Value get_dictoffset(Value self) { return int_from_int64(int64_t(as_type(self)->dict_offset)); }
Value get_weakrefoffset(Value self) { return int_from_int64(int64_t(as_type(self)->weaklist_offset)); }
Value get_itemsize(Value self) { return int_from_int64(int64_t(as_type(self)->item_size)); }

// type.__text_signature__: CPython reads it from the docstring's first line; krait's built-in
// types carry no signatures yet except object's "()". Classes: None.
Value get_text_signature(Value self) {
  if (as_type(self) == &object_type) return str_from_utf8("()");
  return incref(none()), none();
}

// CPython's type has these as read-only members: assigning says "readonly attribute".
int readonly_member(Value, Value) {
  raise(exc::AttributeError, "readonly attribute");
  return -1;
}

const GetSetDef type_getsets[] = {
    {"__name__", get_name, set_name},
    {"__qualname__", get_qualname, set_qualname},
    {"__bases__", get_bases, type_set_bases},
    {"__mro__", get_mro, readonly_member},
    {"__base__", get_base, readonly_member},
    {"__module__", get_module, set_module},
    {"__dict__", type_get_dict},
    {"__doc__", get_doc, set_doc},
    {"__abstractmethods__", get_abstractmethods, set_abstractmethods},
    {"__annotations__", get_annotations, set_annotations},
    {"__flags__", get_flags, readonly_member},
    {"__basicsize__", get_basicsize, readonly_member},
    {"__dictoffset__", get_dictoffset, readonly_member},
    {"__weakrefoffset__", get_weakrefoffset, readonly_member},
    {"__itemsize__", get_itemsize, readonly_member},
    {"__text_signature__", get_text_signature},
    {nullptr, nullptr},
};

// --- methods of types ------------------------------------------------------------------------------

Value type_mro_method(Value self) {
  Value t = compute_mro(as_type(self));
  if (!t) return t;
  Value l = list_from_array(tuple_items(t), tuple_size(t));
  decref(t);
  return l;
}

Value type_subclasses(Value self) {
  TypeObject* t = as_type(self);
  Value list = list_new(0);
  if (!list || t->subclasses.is_null()) return list;
  size_t pos = 0;
  Value key;
  while (dict_next(t->subclasses, &pos, &key, nullptr)) {
    Value sub = Value::object(reinterpret_cast<TypeObject*>(static_cast<uintptr_t>(key.as_small_int())));
    if (list_append(list, sub) < 0) {
      decref(list);
      return Value();
    }
  }
  return list;
}

Value type_instancecheck(Value self, Value instance) {
  int r = is_subtype(type_of(instance), as_type(self));
  if (!r) {
    // A __class__ that differs from the real type (proxies) counts too.
    Ref cls = Ref::steal(lookup_attr(instance, KRAIT_NAME("__class__")));
    if (!cls && error_occurred()) return Value();
    if (cls && is_type(cls.get()) && !cls.get().is(Value::object(type_of(instance))))
      r = is_subtype(as_type(cls.get()), as_type(self));
  }
  return incref(bool_value(r)), bool_value(r);
}

Value type_subclasscheck(Value self, Value sub) {
  int r = object_real_is_subclass(sub, self);
  if (r < 0) return Value();
  return incref(bool_value(r)), bool_value(r);
}

Value type_prepare(Value self, const Value* args, size_t nargs, Value kwnames) { return dict_new(); }

Value type_dir(Value self) {
  // The names in the dicts of the whole MRO (and the metaclass's are not included), sorted by dir().
  Value result = dict_new();
  if (!result) return result;
  Value mro = as_type(self)->mro;
  for (size_t i = tuple_size(mro); i-- > 0;) {
    if (dict_merge(result, as_type(tuple_get(mro, i))->dict, true) < 0) {
      decref(result);
      return Value();
    }
  }
  Value keys = dict_keys_list(result);
  decref(result);
  return keys;
}

Value type_sizeof(Value self) { return int_from_int64(int64_t(sizeof(TypeObject))); }

const MethodDef type_methods[] = {
    {"mro", (void*)type_mro_method, MethodKind::NoArgs},
    {"__subclasses__", (void*)type_subclasses, MethodKind::NoArgs},
    {"__instancecheck__", (void*)type_instancecheck, MethodKind::OneArg},
    {"__subclasscheck__", (void*)type_subclasscheck, MethodKind::OneArg},
    {"__prepare__", (void*)type_prepare, MethodKind::FastKeywords, true},
    {"__dir__", (void*)type_dir, MethodKind::NoArgs},
    {"__sizeof__", (void*)type_sizeof, MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

void type_traverse(Object* self, VisitFunc visit, void* context) {
  auto* t = static_cast<TypeObject*>(self);
  if (t->dict) visit(t->dict, context);
  if (t->bases) visit(t->bases, context);
  if (t->mro) visit(t->mro, context);
  if (t->base) visit(Value::object(t->base), context);
}

void type_clear(Object* self) {
  auto* t = static_cast<TypeObject*>(self);
  if (t->dict) {
    Value d = t->dict;
    dict_clear(d);
  }
  Value mro = t->mro;
  t->mro = Value();
  decref(mro);
}

}  // namespace

// tp_new_methoddef: T.__new__(S, ...) for a built-in type T (a builtin method bound to T).
namespace {
Value tp_new_wrapper(Value self, const Value* args, size_t nargs, Value kwnames) {
  TypeObject* type = as_type(self);
  if (nargs < 1)
    return raise_format(exc::TypeError, "%s.__new__(): not enough arguments", type->name.c_str());
  if (!is_type(args[0]))
    return raise_format(exc::TypeError, "%s.__new__(X): X is not a type object (%s)", type->name.c_str(),
                        value_type_name(args[0]));
  TypeObject* sub = as_type(args[0]);
  if (!is_subtype(sub, type))
    return raise_format(exc::TypeError, "%s.__new__(%s): %s is not a subtype of %s", type->name.c_str(),
                        sub->name.c_str(), sub->name.c_str(), type->name.c_str());
  // The most derived static base of `sub` must use this constructor (int.__new__ for an int
  // subclass, not object.__new__).
  TypeObject* static_base = sub;
  while (static_base && (static_base->flags & TypeFlag::HeapType)) static_base = static_base->base;
  if (static_base && static_base->new_ != type->new_)
    return raise_format(exc::TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", type->name.c_str(),
                        sub->name.c_str(), static_base->name.c_str());
  Value obj = type->new_(sub, args + 1, nargs - 1, kwnames);
  if (obj) track_heap_instance(obj);  // as type_call does: int.__new__(IntSubclass, 5)
  return obj;
}
}  // namespace

const MethodDef tp_new_methoddef = {"__new__", (void*)tp_new_wrapper, MethodKind::FastKeywords, false, false,
                                    "Create and return a new object.  See help(type) for accurate signature."};

void init_type_type() {
  // Classes made by metaclasses are HeapTypeObjects; a type's own dict is its __dict__, so a
  // metaclass does not add another one.
  init_static_type(&type_type, "type", &object_type, sizeof(HeapTypeObject));
  type_type.flags |= TypeFlag::HaveGc;
  type_type.dict_offset = offsetof(TypeObject, dict);
  type_type.weaklist_offset = offsetof(TypeObject, weaklist);
  type_type.dealloc = heap_type_dealloc;
  type_type.call = type_call;
  type_type.new_ = type_new_slot;
  type_type.init = type_init_slot;
  type_type.repr = type_repr;
  type_type.getattro = type_getattro;
  type_type.setattro = type_setattro;
  type_type.traverse = type_traverse;
  type_type.number.or_ = type_or;   // int | None (union.cpp)
  type_type.clear = type_clear;
  add_methods(&type_type, type_methods);
  add_getsets(&type_type, type_getsets);
  type_ready(&type_type);
}

}  // namespace krait::runtime
