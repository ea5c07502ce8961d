// set and frozenset: CPython 3.11's table (linear probing by 9, then perturbation; dummies with
// hash -1; resize to used*4 (used*2 above 50000) when fill*5 >= mask*3), so order matches.
#include "runtime/set.h"

#include <cstdlib>
#include <cstring>

#include "runtime/abstract.h"
#include "runtime/coll_util.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/memory.h"
#include "runtime/str.h"
#include "runtime/str_builder.h"
#include "runtime/tuple.h"
#include "vm/eval.h"

namespace krait::runtime {

TypeObject set_type, frozenset_type, set_iterator_type;

namespace {

constexpr size_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;

// The deleted-entry marker: a private immortal object.
Object g_dummy_object;
inline Value dummy() { return Value::object(&g_dummy_object); }

Value new_ref(Value v) {
  incref(v);
  return v;
}

SetObject* allocate_set(TypeObject* type) {
  Object* memory = allocate_object(type, type->basic_size > sizeof(SetObject) ? type->basic_size : sizeof(SetObject));
  if (memory == nullptr) return nullptr;
  SetObject* s = static_cast<SetObject*>(memory);
  s->fill = 0;
  s->used = 0;
  s->mask = kSetMinSize - 1;
  s->table = s->smalltable;
  s->hash = -1;
  s->finger = 0;
  return s;
}

void insert_clean(SetEntry* table, size_t mask, Value key, int64_t hash) {
  size_t perturb = static_cast<size_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  SetEntry* entry;
  while (true) {
    entry = &table[i];
    if (entry->key.is_null()) goto found;
    if (i + kLinearProbes <= mask) {
      for (size_t j = 0; j < kLinearProbes; ++j) {
        ++entry;
        if (entry->key.is_null()) goto found;
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
found:
  entry->key = key;
  entry->hash = hash;
}

bool table_resize(SetObject* so, int64_t minused) {
  size_t newsize = kSetMinSize;
  while (newsize <= static_cast<size_t>(minused)) newsize <<= 1;
  SetEntry* oldtable = so->table;
  size_t oldmask = static_cast<size_t>(so->mask);
  SetEntry small_copy[kSetMinSize];
  bool old_is_small = oldtable == so->smalltable;
  if (old_is_small) {
    std::memcpy(static_cast<void*>(small_copy), so->smalltable, sizeof small_copy);
    oldtable = small_copy;
  }
  SetEntry* newtable;
  if (newsize == kSetMinSize) {
    newtable = so->smalltable;
  } else {
    newtable = static_cast<SetEntry*>(std::calloc(newsize, sizeof(SetEntry)));
    if (newtable == nullptr) {
      raise_no_memory();
      return false;
    }
  }
  std::memset(static_cast<void*>(newtable), 0, newsize * sizeof(SetEntry));
  so->mask = static_cast<int64_t>(newsize - 1);
  so->table = newtable;
  bool no_dummies = so->fill == so->used;
  so->fill = so->used;
  for (size_t i = 0; i <= oldmask; ++i) {
    Value key = oldtable[i].key;
    if (key.is_null() || (!no_dummies && key.is(dummy()))) continue;
    insert_clean(newtable, newsize - 1, key, oldtable[i].hash);
  }
  if (!old_is_small) std::free(oldtable);
  return true;
}

inline bool keys_equal_fast(Value a, Value b) { return is_str_exact(a) && is_str_exact(b) && str_equal(a, b); }

// Adds key (borrowed) with its hash: 0 or -1.
int add_entry(SetObject* so, Value key, int64_t hash) {
  Ref hold = Ref::borrow(key);
restart:
  size_t mask = static_cast<size_t>(so->mask);
  size_t i = static_cast<size_t>(hash) & mask;
  SetEntry* freeslot = nullptr;
  size_t perturb = static_cast<size_t>(hash);
  SetEntry* entry;
  while (true) {
    entry = &so->table[i];
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (entry->hash == 0 && entry->key.is_null()) goto found_unused_or_dummy;
      if (entry->hash == hash) {
        Value startkey = entry->key;
        if (startkey.is(key)) return 0;
        if (keys_equal_fast(startkey, key)) return 0;
        if (!startkey.is(dummy())) {
          SetEntry* table = so->table;
          Ref start = Ref::borrow(startkey);
          int cmp = rich_compare_bool(startkey, key, CompareOp::Eq);
          if (cmp > 0) return 0;
          if (cmp < 0) return -1;
          if (table != so->table || !entry->key.is(startkey)) goto restart;
          mask = static_cast<size_t>(so->mask);
        }
      } else if (entry->hash == -1) {
        freeslot = entry;  // as CPython 3.11: the LAST deleted entry on the probe path is reused
      }
      ++entry;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_unused_or_dummy:
  if (freeslot != nullptr) {
    ++so->used;
    freeslot->key = hold.release();
    freeslot->hash = hash;
    return 0;
  }
  ++so->fill;
  ++so->used;
  entry->key = hold.release();
  entry->hash = hash;
  if (static_cast<size_t>(so->fill) * 5 < mask * 3) return 0;
  return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4) ? 0 : -1;
}

// The entry holding key, or nullptr when absent; *error set on failure.
SetEntry* lookkey(SetObject* so, Value key, int64_t hash, bool* error) {
  *error = false;
restart:
  size_t mask = static_cast<size_t>(so->mask);
  size_t i = static_cast<size_t>(hash) & mask;
  size_t perturb = static_cast<size_t>(hash);
  while (true) {
    SetEntry* entry = &so->table[i];
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (entry->hash == 0 && entry->key.is_null()) return nullptr;
      if (entry->hash == hash) {
        Value startkey = entry->key;
        if (startkey.is(key)) return entry;
        if (keys_equal_fast(startkey, key)) return entry;
        if (!startkey.is(dummy())) {
          SetEntry* table = so->table;
          Ref start = Ref::borrow(startkey);
          int cmp = rich_compare_bool(startkey, key, CompareOp::Eq);
          if (cmp < 0) {
            *error = true;
            return nullptr;
          }
          if (table != so->table || !entry->key.is(startkey)) goto restart;
          if (cmp > 0) return entry;
          mask = static_cast<size_t>(so->mask);
        }
      }
      ++entry;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// 1 removed, 0 absent, -1 error.
int discard_entry(SetObject* so, Value key, int64_t hash) {
  bool error;
  SetEntry* entry = lookkey(so, key, hash, &error);
  if (error) return -1;
  if (entry == nullptr) return 0;
  Value old = entry->key;
  entry->key = dummy();
  entry->hash = -1;
  --so->used;
  decref(old);
  return 1;
}

int contains_entry(SetObject* so, Value key, int64_t hash) {
  bool error;
  SetEntry* entry = lookkey(so, key, hash, &error);
  if (error) return -1;
  return entry != nullptr;
}

inline int64_t hash_of(Value key) { return is_str_exact(key) ? str_hash(key) : hash(key); }

bool next_entry(SetObject* so, size_t* pos, SetEntry** out) {
  size_t i = *pos;
  size_t mask = static_cast<size_t>(so->mask);
  while (i <= mask && (so->table[i].key.is_null() || so->table[i].key.is(dummy()))) ++i;
  *pos = i + 1;
  if (i > mask) return false;
  *out = &so->table[i];
  return true;
}

int merge(SetObject* so, SetObject* other) {
  if (other == so || other->used == 0) return 0;
  if ((so->fill + other->used) * 5 >= so->mask * 3) {
    if (!table_resize(so, (so->used + other->used) * 2)) return -1;
  }
  if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
    for (int64_t i = 0; i <= other->mask; ++i) {
      Value key = other->table[i].key;
      if (!key.is_null()) {
        so->table[i].key = new_ref(key);
        so->table[i].hash = other->table[i].hash;
      }
    }
    so->fill = other->fill;
    so->used = other->used;
    return 0;
  }
  if (so->fill == 0) {
    so->fill = other->used;
    so->used = other->used;
    for (int64_t i = 0; i <= other->mask; ++i) {
      Value key = other->table[i].key;
      if (!key.is_null() && !key.is(dummy())) insert_clean(so->table, static_cast<size_t>(so->mask), new_ref(key), other->table[i].hash);
    }
    return 0;
  }
  for (int64_t i = 0; i <= other->mask; ++i) {
    Value key = other->table[i].key;
    if (!key.is_null() && !key.is(dummy())) {
      if (add_entry(so, key, other->table[i].hash) < 0) return -1;
    }
  }
  return 0;
}

int update_internal(SetObject* so, Value other) {
  if (is_anyset(other)) return merge(so, as_set(other));
  if (is_dict_exact(other)) {
    int64_t dictsize = static_cast<int64_t>(dict_size(other));
    if ((so->fill + dictsize) * 5 >= so->mask * 3) {
      if (!table_resize(so, (so->used + dictsize) * 2)) return -1;
    }
    size_t pos = 0;
    Value key;
    int64_t h;
    while (dict_next(other, &pos, &key, nullptr, &h)) {
      if (add_entry(so, key, h) < 0) return -1;
    }
    return 0;
  }
  Ref it = Ref::steal(get_iter(other));
  if (!it) return -1;
  while (true) {
    Ref key = Ref::steal(iter_next(it.get()));
    if (!key) return error_occurred() ? -1 : 0;
    int64_t h = hash_of(key.get());
    if (h == -1 || add_entry(so, key.get(), h) < 0) return -1;
  }
}

void clear_table(SetObject* so) {
  SetEntry* table = so->table;
  int64_t mask = so->mask;
  bool small = table == so->smalltable;
  SetEntry copy[kSetMinSize];
  if (small) {
    std::memcpy(static_cast<void*>(copy), table, sizeof copy);
    table = copy;
  }
  so->table = so->smalltable;
  std::memset(static_cast<void*>(so->smalltable), 0, sizeof so->smalltable);
  so->mask = kSetMinSize - 1;
  so->fill = 0;
  so->used = 0;
  for (int64_t i = 0; i <= mask; ++i) {
    if (!table[i].key.is_null() && !table[i].key.is(dummy())) decref(table[i].key);
  }
  if (!small) std::free(table);
}

Value make_new_set(TypeObject* type, Value iterable) {
  SetObject* so = allocate_set(type);
  if (so == nullptr) return Value();
  Value result = Value::object(so);
  gc_track(so);
  if (!iterable.is_null() && update_internal(so, iterable) < 0) {
    decref(result);
    return Value();
  }
  return result;
}

// Sets made by operations on subclasses are plain set/frozenset.
TypeObject* base_type(Value v) { return is_frozenset(v) ? &frozenset_type : &set_type; }

}  // namespace

bool is_set(Value v) { return v.is_object() && is_subtype(v.as_object()->type, &set_type); }
bool is_frozenset(Value v) { return v.is_object() && is_subtype(v.as_object()->type, &frozenset_type); }
bool is_anyset(Value v) {
  if (!v.is_object()) return false;
  TypeObject* t = v.as_object()->type;
  return t == &set_type || t == &frozenset_type || is_subtype(t, &set_type) || is_subtype(t, &frozenset_type);
}

Value set_new(Value iterable) { return make_new_set(&set_type, iterable); }
Value frozenset_new(Value iterable) { return make_new_set(&frozenset_type, iterable); }

int set_add(Value set, Value key) {
  int64_t h = hash_of(key);
  if (h == -1) return -1;
  return add_entry(as_set(set), key, h);
}

int set_contains(Value set, Value key) {
  int64_t h = hash_of(key);
  if (h == -1) {
    // A set looks up as the frozenset with the same items.
    if (!is_set(key) || !error_matches(exc::TypeError)) return -1;
    clear_error();
    Ref frozen = Ref::steal(frozenset_new(key));
    if (!frozen) return -1;
    h = hash(frozen.get());
    if (h == -1) return -1;
    return contains_entry(as_set(set), frozen.get(), h);
  }
  return contains_entry(as_set(set), key, h);
}

int set_discard(Value set, Value key) {
  int64_t h = hash_of(key);
  if (h == -1) {
    if (!is_set(key) || !error_matches(exc::TypeError)) return -1;
    clear_error();
    Ref frozen = Ref::steal(frozenset_new(key));
    if (!frozen) return -1;
    h = hash(frozen.get());
    return discard_entry(as_set(set), frozen.get(), h);
  }
  return discard_entry(as_set(set), key, h);
}

Value set_pop(Value set) {
  SetObject* so = as_set(set);
  if (so->used == 0) return raise(exc::KeyError, "pop from an empty set");
  SetEntry* entry = so->table + (so->finger & so->mask);
  SetEntry* limit = so->table + so->mask;
  while (entry->key.is_null() || entry->key.is(dummy())) {
    ++entry;
    if (entry > limit) entry = so->table;
  }
  Value key = entry->key;
  entry->key = dummy();
  entry->hash = -1;
  --so->used;
  so->finger = entry - so->table + 1;
  return key;
}

int set_clear(Value set) {
  clear_table(as_set(set));
  return 0;
}

int set_update(Value set, Value iterable) { return update_internal(as_set(set), iterable); }

bool set_next(Value set, size_t* pos, Value* key, int64_t* hash) {
  SetEntry* entry;
  if (!next_entry(as_set(set), pos, &entry)) return false;
  if (key) *key = entry->key;
  if (hash) *hash = entry->hash;
  return true;
}

Value set_repr(Value v) {
  const char* name = type_of(v)->name.c_str();
  bool plain_set = type_of(v) == &set_type;
  if (set_size(v) == 0) return str_from_format("%s()", name);
  int entered = coll::repr_enter(v.as_object());
  if (entered != 0) return entered > 0 ? str_from_format("%s(...)", name) : Value();
  StrBuilder b;
  if (!plain_set) {
    b.push_utf8(name);
    b.push('(');
  }
  b.push('{');
  bool ok = vm::enter_recursive_call(" while getting the repr of an object");
  if (ok) {
    // Snapshot the keys: a repr may change the set.
    Ref keys = Ref::steal(tuple_new(set_size(v)));
    size_t pos = 0, n = 0;
    Value key;
    while (keys && set_next(v, &pos, &key)) tuple_items(keys.get())[n++] = new_ref(key);
    for (size_t i = 0; keys && i < n; ++i) {
      if (i > 0) b.push_ascii(", ");
      Ref r = Ref::steal(repr(tuple_get(keys.get(), i)));
      if (!r) {
        ok = false;
        break;
      }
      b.append(r.get());
    }
    if (!keys) ok = false;
    vm::leave_recursive_call();
  }
  coll::repr_leave(v.as_object());
  if (!ok) return Value();
  b.push('}');
  if (!plain_set) b.push(')');
  return b.finish();
}

namespace {

Value set_copy_of(Value so) { return make_new_set(base_type(so), so); }

int difference_update_internal(SetObject* so, Value other) {
  if (Value::object(so).is(other)) {
    clear_table(so);
    return 0;
  }
  if (is_anyset(other)) {
    size_t pos = 0;
    SetEntry* entry;
    SetObject* o = as_set(other);
    while (next_entry(o, &pos, &entry)) {
      Ref key = Ref::borrow(entry->key);
      if (discard_entry(so, key.get(), entry->hash) < 0) return -1;
    }
  } else {
    Ref it = Ref::steal(get_iter(other));
    if (!it) return -1;
    while (true) {
      Ref key = Ref::steal(iter_next(it.get()));
      if (!key) {
        if (error_occurred()) return -1;
        break;
      }
      int64_t h = hash_of(key.get());
      if (h == -1 || discard_entry(so, key.get(), h) < 0) return -1;
    }
  }
  if (static_cast<size_t>(so->fill - so->used) <= static_cast<size_t>(so->mask) / 4) return 0;
  return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4) ? 0 : -1;
}

Value intersection(Value so_value, Value other) {
  Ref result = Ref::steal(make_new_set(base_type(so_value), Value()));
  if (!result) return Value();
  SetObject* res = as_set(result.get());
  if (is_anyset(other)) {
    Value a = so_value, b = other;
    if (set_size(b) > set_size(a)) std::swap(a, b);
    size_t pos = 0;
    SetEntry* entry;
    while (next_entry(as_set(b), &pos, &entry)) {
      Ref key = Ref::borrow(entry->key);
      int r = contains_entry(as_set(a), key.get(), entry->hash);
      if (r < 0) return Value();
      if (r && add_entry(res, key.get(), entry->hash) < 0) return Value();
    }
    return result.release();
  }
  Ref it = Ref::steal(get_iter(other));
  if (!it) return Value();
  while (true) {
    Ref key = Ref::steal(iter_next(it.get()));
    if (!key) return error_occurred() ? Value() : result.release();
    int64_t h = hash_of(key.get());
    if (h == -1) return Value();
    int r = contains_entry(as_set(so_value), key.get(), h);
    if (r < 0) return Value();
    if (r && add_entry(res, key.get(), h) < 0) return Value();
  }
}

Value difference(Value so_value, Value other) {
  int64_t other_size;
  if (is_anyset(other)) {
    other_size = static_cast<int64_t>(set_size(other));
  } else if (is_dict_exact(other)) {
    other_size = static_cast<int64_t>(dict_size(other));
  } else {
    other_size = -1;
  }
  if (other_size < 0 || (static_cast<int64_t>(set_size(so_value)) >> 2) > other_size) {
    Ref result = Ref::steal(set_copy_of(so_value));
    if (!result || difference_update_internal(as_set(result.get()), other) < 0) return Value();
    return result.release();
  }
  Ref result = Ref::steal(make_new_set(base_type(so_value), Value()));
  if (!result) return Value();
  size_t pos = 0;
  SetEntry* entry;
  while (next_entry(as_set(so_value), &pos, &entry)) {
    Ref key = Ref::borrow(entry->key);
    int r;
    if (is_dict_exact(other)) {
      Value v = dict_get_item_hash(other, key.get(), entry->hash);
      if (v.is_null() && error_occurred()) return Value();
      r = !v.is_null();
    } else {
      r = contains_entry(as_set(other), key.get(), entry->hash);
    }
    if (r < 0) return Value();
    if (!r && add_entry(as_set(result.get()), key.get(), entry->hash) < 0) return Value();
  }
  return result.release();
}

int symmetric_difference_update(SetObject* so, Value other) {
  if (Value::object(so).is(other)) {
    clear_table(so);
    return 0;
  }
  if (is_dict_exact(other)) {
    size_t pos = 0;
    Value key;
    int64_t h;
    while (dict_next(other, &pos, &key, nullptr, &h)) {
      Ref k = Ref::borrow(key);
      int r = discard_entry(so, k.get(), h);
      if (r < 0) return -1;
      if (r == 0 && add_entry(so, k.get(), h) < 0) return -1;
    }
    return 0;
  }
  Ref otherset = is_anyset(other) ? Ref::borrow(other) : Ref::steal(make_new_set(&set_type, other));
  if (!otherset) return -1;
  size_t pos = 0;
  SetEntry* entry;
  while (next_entry(as_set(otherset.get()), &pos, &entry)) {
    Ref key = Ref::borrow(entry->key);
    int64_t h = entry->hash;
    int r = discard_entry(so, key.get(), h);
    if (r < 0) return -1;
    if (r == 0 && add_entry(so, key.get(), h) < 0) return -1;
  }
  return 0;
}

Value symmetric_difference(Value so_value, Value other) {
  Ref result = Ref::steal(make_new_set(base_type(so_value), other));
  if (!result || symmetric_difference_update(as_set(result.get()), so_value) < 0) return Value();
  return result.release();
}

int issubset(Value a, Value b) {
  if (set_size(a) > set_size(b)) return 0;
  size_t pos = 0;
  SetEntry* entry;
  while (next_entry(as_set(a), &pos, &entry)) {
    Ref key = Ref::borrow(entry->key);
    int r = contains_entry(as_set(b), key.get(), entry->hash);
    if (r <= 0) return r;
  }
  return 1;
}

int64_t frozenset_hash_impl(SetObject* so) {
  auto shuffle = [](uint64_t h) { return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull; };
  uint64_t h = 0;
  for (int64_t i = 0; i <= so->mask; ++i) h ^= shuffle(static_cast<uint64_t>(so->table[i].hash));
  if ((so->mask + 1 - so->fill) & 1) h ^= shuffle(0);
  if ((so->fill - so->used) & 1) h ^= shuffle(static_cast<uint64_t>(-1));
  h ^= (static_cast<uint64_t>(so->used) + 1) * 1927868237ull;
  h ^= (h >> 11) ^ (h >> 25);
  h = h * 69069u + 907133923ull;
  if (h == static_cast<uint64_t>(-1)) h = 590923713ull;
  return static_cast<int64_t>(h);
}

// --- slots -----------------------------------------------------------------------------------

void set_dealloc(Object* self) {
  clear_table(static_cast<SetObject*>(self));
  free_object(self);
}
void set_traverse(Object* self, VisitFunc visit, void* context) {
  SetObject* so = static_cast<SetObject*>(self);
  for (int64_t i = 0; i <= so->mask; ++i) {
    Value k = so->table[i].key;
    if (k.is_object() && !k.is(dummy())) visit(k, context);
  }
}
void set_clear_slot(Object* self) { clear_table(static_cast<SetObject*>(self)); }
int64_t set_length(Value v) { return static_cast<int64_t>(set_size(v)); }
int set_contains_slot(Value self, Value key) { return set_contains(self, key); }

int64_t frozenset_hash(Value self) {
  SetObject* so = as_set(self);
  if (so->hash == -1) so->hash = frozenset_hash_impl(so);
  return so->hash;
}

Value set_richcompare(Value a, Value b, CompareOp op) {
  if (!is_anyset(b)) return new_ref(not_implemented());
  int r;
  switch (op) {
    case CompareOp::Eq:
    case CompareOp::Ne:
      if (set_size(a) != set_size(b)) {
        r = 0;
      } else if (as_set(a)->hash != -1 && as_set(b)->hash != -1 && as_set(a)->hash != as_set(b)->hash) {
        r = 0;
      } else {
        r = issubset(a, b);
      }
      if (r < 0) return Value();
      return new_ref(bool_value((r != 0) == (op == CompareOp::Eq)));
    case CompareOp::Le: r = issubset(a, b); break;
    case CompareOp::Ge: r = issubset(b, a); break;
    case CompareOp::Lt: r = set_size(a) < set_size(b) ? issubset(a, b) : 0; break;
    default: r = set_size(a) > set_size(b) ? issubset(b, a) : 0; break;
  }
  if (r < 0) return Value();
  return new_ref(bool_value(r != 0));
}

Value set_or(Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return new_ref(not_implemented());
  Ref result = Ref::steal(set_copy_of(a));
  if (!result || update_internal(as_set(result.get()), b) < 0) return Value();
  return result.release();
}
Value set_and(Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return new_ref(not_implemented());
  return intersection(a, b);
}
Value set_sub(Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return new_ref(not_implemented());
  return difference(a, b);
}
Value set_xor(Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return new_ref(not_implemented());
  return symmetric_difference(a, b);
}
Value set_ior(Value a, Value b) {
  if (!is_anyset(b)) return new_ref(not_implemented());
  if (update_internal(as_set(a), b) < 0) return Value();
  return new_ref(a);
}
Value set_isub(Value a, Value b) {
  if (!is_anyset(b)) return new_ref(not_implemented());
  if (difference_update_internal(as_set(a), b) < 0) return Value();
  return new_ref(a);
}
Value set_ixor(Value a, Value b) {
  if (!is_anyset(b)) return new_ref(not_implemented());
  if (symmetric_difference_update(as_set(a), b) < 0) return Value();
  return new_ref(a);
}
// Replaces a's contents by those of `result` (a new set), for the in-place operators.
Value swap_contents(Value a, Value result) {
  Ref r = Ref::steal(result);
  if (!r) return Value();
  clear_table(as_set(a));
  if (merge(as_set(a), as_set(r.get())) < 0) return Value();
  return new_ref(a);
}
Value set_iand(Value a, Value b) {
  if (!is_anyset(b)) return new_ref(not_implemented());
  return swap_contents(a, intersection(a, b));
}

// --- iterator --------------------------------------------------------------------------------

Value set_iter(Value self) {
  SetIterObject* it = new_object<SetIterObject>(&set_iterator_type);
  if (it == nullptr) return Value();
  it->set = new_ref(self);
  it->used = as_set(self)->used;
  it->pos = 0;
  it->len = it->used;
  gc_track(it);
  return Value::object(it);
}
Value set_iterator_next(Value self) {
  SetIterObject* it = static_cast<SetIterObject*>(self.as_object());
  if (it->set.is_null()) return Value();
  SetObject* so = as_set(it->set);
  if (it->used != so->used) {
    it->used = -1;
    return raise(exc::RuntimeError, "Set changed size during iteration");
  }
  size_t pos = static_cast<size_t>(it->pos);
  SetEntry* entry;
  if (next_entry(so, &pos, &entry)) {
    it->pos = static_cast<int64_t>(pos);
    --it->len;
    return new_ref(entry->key);
  }
  Value s = it->set;
  it->set = Value();
  decref(s);
  return Value();
}
void set_iterator_dealloc(Object* self) {
  xdecref(static_cast<SetIterObject*>(self)->set);
  free_object(self);
}
void set_iterator_traverse(Object* self, VisitFunc visit, void* context) {
  Value s = static_cast<SetIterObject*>(self)->set;
  if (s.is_object()) visit(s, context);
}
Value iter_self(Value self) { return new_ref(self); }
Value set_iterator_length_hint(Value self) {
  SetIterObject* it = static_cast<SetIterObject*>(self.as_object());
  if (it->set.is_null() || it->used != as_set(it->set)->used) return int_from_int64(0);
  return int_from_int64(it->len);
}

// --- methods ---------------------------------------------------------------------------------

Value none_ref() { return new_ref(none()); }

Value set_add_method(Value self, Value key) { return set_add(self, key) < 0 ? Value() : none_ref(); }
Value set_remove_method(Value self, Value key) {
  int r = set_discard(self, key);
  if (r < 0) return Value();
  if (r == 0) return raise_key_error(key);
  return none_ref();
}
Value set_discard_method(Value self, Value key) { return set_discard(self, key) < 0 ? Value() : none_ref(); }
Value set_pop_method(Value self) { return set_pop(self); }
Value set_clear_method(Value self) {
  clear_table(as_set(self));
  return none_ref();
}
Value set_copy_method(Value self) { return set_copy_of(self); }
Value frozenset_copy_method(Value self) {
  if (type_of(self) == &frozenset_type) return new_ref(self);
  return set_copy_of(self);
}
Value set_contains_method(Value self, Value key) {
  int r = set_contains(self, key);
  return r < 0 ? Value() : new_ref(bool_value(r));
}
Value set_update_method(Value self, const Value* args, size_t nargs) {
  for (size_t i = 0; i < nargs; ++i) {
    if (update_internal(as_set(self), args[i]) < 0) return Value();
  }
  return none_ref();
}
Value set_union_method(Value self, const Value* args, size_t nargs) {
  Ref result = Ref::steal(set_copy_of(self));
  if (!result) return Value();
  for (size_t i = 0; i < nargs; ++i) {
    if (update_internal(as_set(result.get()), args[i]) < 0) return Value();
  }
  return result.release();
}
Value set_intersection_method(Value self, const Value* args, size_t nargs) {
  if (nargs == 0) return set_copy_of(self);
  Ref result = Ref::borrow(self);
  for (size_t i = 0; i < nargs; ++i) {
    result = Ref::steal(intersection(result.get(), args[i]));
    if (!result) return Value();
  }
  return result.release();
}
Value set_intersection_update_method(Value self, const Value* args, size_t nargs) {
  Ref r = Ref::steal(set_intersection_method(self, args, nargs));
  if (!r) return Value();
  Ref done = Ref::steal(swap_contents(self, r.release()));
  return done ? none_ref() : Value();
}
Value set_difference_method(Value self, const Value* args, size_t nargs) {
  if (nargs == 0) return set_copy_of(self);
  Ref result = Ref::steal(difference(self, args[0]));
  for (size_t i = 1; result && i < nargs; ++i) {
    if (difference_update_internal(as_set(result.get()), args[i]) < 0) return Value();
  }
  return result.release();
}
Value set_difference_update_method(Value self, const Value* args, size_t nargs) {
  for (size_t i = 0; i < nargs; ++i) {
    if (difference_update_internal(as_set(self), args[i]) < 0) return Value();
  }
  return none_ref();
}
Value set_symmetric_difference_method(Value self, Value other) { return symmetric_difference(self, other); }
Value set_symmetric_difference_update_method(Value self, Value other) {
  return symmetric_difference_update(as_set(self), other) < 0 ? Value() : none_ref();
}
Value set_issubset_method(Value self, Value other) {
  Ref o = is_anyset(other) ? Ref::borrow(other) : Ref::steal(set_new(other));
  if (!o) return Value();
  int r = issubset(self, o.get());
  return r < 0 ? Value() : new_ref(bool_value(r));
}
Value set_issuperset_method(Value self, Value other) {
  Ref o = is_anyset(other) ? Ref::borrow(other) : Ref::steal(set_new(other));
  if (!o) return Value();
  int r = issubset(o.get(), self);
  return r < 0 ? Value() : new_ref(bool_value(r));
}
Value set_isdisjoint_method(Value self, Value other) {
  Ref it = Ref::steal(get_iter(other));
  if (!it) return Value();
  while (true) {
    Ref key = Ref::steal(iter_next(it.get()));
    if (!key) return error_occurred() ? Value() : new_ref(true_value());
    int r = set_contains(self, key.get());
    if (r < 0) return Value();
    if (r) return new_ref(false_value());
  }
}
Value set_sizeof(Value self) {
  SetObject* so = as_set(self);
  int64_t size = 200;
  if (so->table != so->smalltable) size += 16 * (so->mask + 1);
  return int_from_int64(size);
}

Value set_new_slot(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == &set_type && !coll::check_no_kwargs("set", kwnames)) return Value();
  return make_new_set(type, Value());
}
int set_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (type_of(self) == &set_type && !coll::check_no_kwargs("set", kwnames)) return -1;
  if (!coll::check_unpack("set", nargs, 0, 1)) return -1;
  clear_table(as_set(self));
  if (nargs == 1) return update_internal(as_set(self), args[0]);
  return 0;
}
Value frozenset_new_slot(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == &frozenset_type && !coll::check_no_kwargs("frozenset", kwnames)) return Value();
  if (!coll::check_unpack("frozenset", nargs, 0, 1)) return Value();
  if (nargs == 1 && type == &frozenset_type && type_of(args[0]) == &frozenset_type) return new_ref(args[0]);
  return make_new_set(type, nargs == 1 ? args[0] : Value());
}

#define M(name, fn, kind) {name, reinterpret_cast<void*>(&fn), MethodKind::kind}
const MethodDef set_methods[] = {
    M("add", set_add_method, OneArg),
    M("clear", set_clear_method, NoArgs),
    M("__contains__", set_contains_method, OneArg),
    M("copy", set_copy_method, NoArgs),
    M("discard", set_discard_method, OneArg),
    M("difference", set_difference_method, Fast),
    M("difference_update", set_difference_update_method, Fast),
    M("intersection", set_intersection_method, Fast),
    M("intersection_update", set_intersection_update_method, Fast),
    M("isdisjoint", set_isdisjoint_method, OneArg),
    M("issubset", set_issubset_method, OneArg),
    M("issuperset", set_issuperset_method, OneArg),
    M("pop", set_pop_method, NoArgs),
    M("remove", set_remove_method, OneArg),
    M("__sizeof__", set_sizeof, NoArgs),
    M("symmetric_difference", set_symmetric_difference_method, OneArg),
    M("symmetric_difference_update", set_symmetric_difference_update_method, OneArg),
    M("union", set_union_method, Fast),
    M("update", set_update_method, Fast),
    {nullptr, nullptr, MethodKind::NoArgs},
};
const MethodDef frozenset_methods[] = {
    M("__contains__", set_contains_method, OneArg),
    M("copy", frozenset_copy_method, NoArgs),
    M("difference", set_difference_method, Fast),
    M("intersection", set_intersection_method, Fast),
    M("isdisjoint", set_isdisjoint_method, OneArg),
    M("issubset", set_issubset_method, OneArg),
    M("issuperset", set_issuperset_method, OneArg),
    M("__sizeof__", set_sizeof, NoArgs),
    M("symmetric_difference", set_symmetric_difference_method, OneArg),
    M("union", set_union_method, Fast),
    {nullptr, nullptr, MethodKind::NoArgs},
};
const MethodDef set_iterator_methods[] = {
    M("__length_hint__", set_iterator_length_hint, NoArgs),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef M

void init_common(TypeObject& t, const char* name) {
  coll::init_static_type(t, name, sizeof(SetObject), TypeFlag::BaseType | TypeFlag::HaveGc);
  t.dealloc = set_dealloc;
  t.traverse = set_traverse;
  t.weaklist_offset = offsetof(SetObject, weakrefs);
  t.clear = set_clear_slot;
  t.repr = set_repr;
  t.richcompare = set_richcompare;
  t.iter = set_iter;
  t.sequence.length = set_length;
  t.sequence.contains = set_contains_slot;
  t.mapping.length = set_length;
  t.number.or_ = set_or;
  t.number.and_ = set_and;
  t.number.subtract = set_sub;
  t.number.xor_ = set_xor;
}

}  // namespace

void init_set_types() {
  g_dummy_object.refcount = 1;
  g_dummy_object.flags = ObjectFlag::Immortal;
  g_dummy_object.type = &object_type;

  init_common(set_type, "set");
  set_type.new_ = set_new_slot;
  set_type.init = set_init;
  set_type.number.inplace_or = set_ior;
  set_type.number.inplace_and = set_iand;
  set_type.number.inplace_subtract = set_isub;
  set_type.number.inplace_xor = set_ixor;
  add_methods(&set_type, set_methods);
  type_ready(&set_type);

  init_common(frozenset_type, "frozenset");
  frozenset_type.new_ = frozenset_new_slot;
  frozenset_type.hash = frozenset_hash;
  add_methods(&frozenset_type, frozenset_methods);
  type_ready(&frozenset_type);

  TypeObject& it = set_iterator_type;
  coll::init_static_type(it, "set_iterator", sizeof(SetIterObject), TypeFlag::HaveGc);
  it.dealloc = set_iterator_dealloc;
  it.traverse = set_iterator_traverse;
  it.iter = iter_self;
  it.iternext = set_iterator_next;
  add_methods(&it, set_iterator_methods);
  type_ready(&it);
}

}  // namespace krait::runtime
