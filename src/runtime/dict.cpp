// dict: CPython 3.11's compact ordered dict (index table + entries in insertion order).
#include "runtime/dict.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <unordered_map>
#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/lsan_interface.h>
#endif

#include "runtime/abstract.h"
#include "runtime/coll_util.h"
#include "runtime/errors.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memory.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/str_builder.h"
#include "runtime/tuple.h"
#include "vm/eval.h"

namespace krait::runtime {

Value mappingproxy_new(Value mapping);  // core_internal.h

TypeObject dict_type, dict_keyiterator_type, dict_valueiterator_type, dict_itemiterator_type,
    dict_reversekeyiterator_type, dict_reversevalueiterator_type, dict_reverseitemiterator_type,
    dict_keys_type, dict_values_type, dict_items_type;

uint64_t dict_version_counter = 0;

namespace {

constexpr int kLogMinSize = 3;
constexpr int64_t kEmpty = -1, kDummy = -2;

Value new_ref(Value v) {
  incref(v);
  return v;
}

inline int64_t usable_fraction(int64_t n) { return (n << 1) / 3; }
inline size_t index_width(int log2_size) { return log2_size < 8 ? 1 : log2_size < 16 ? 2 : log2_size < 32 ? 4 : 8; }
inline int64_t table_size(const DictKeys* k) { return int64_t(1) << k->log2_size; }

inline DictEntry* entries(DictKeys* k) { return dict_entries(k); }
inline int64_t get_index(const DictKeys* k, size_t i) {
  switch (k->log2_index_bytes - k->log2_size) {
    case 0: return reinterpret_cast<const int8_t*>(k->indices)[i];
    case 1: return reinterpret_cast<const int16_t*>(k->indices)[i];
    case 2: return reinterpret_cast<const int32_t*>(k->indices)[i];
    default: return reinterpret_cast<const int64_t*>(k->indices)[i];
  }
}
inline void set_index(DictKeys* k, size_t i, int64_t ix) {
  switch (k->log2_index_bytes - k->log2_size) {
    case 0: reinterpret_cast<int8_t*>(k->indices)[i] = static_cast<int8_t>(ix); break;
    case 1: reinterpret_cast<int16_t*>(k->indices)[i] = static_cast<int16_t>(ix); break;
    case 2: reinterpret_cast<int32_t*>(k->indices)[i] = static_cast<int32_t>(ix); break;
    default: reinterpret_cast<int64_t*>(k->indices)[i] = ix; break;
  }
}

// The bytes of a combined table: header, index slots, entries.
size_t keys_bytes(int log2_size, int log2_index_bytes) {
  return sizeof(DictKeys) + (size_t(1) << log2_index_bytes) +
         sizeof(DictEntry) * static_cast<size_t>(usable_fraction(int64_t(1) << log2_size));
}

// A combined table from the pools (small ones: no malloc header, and the pools' speed).
DictKeys* new_keys(int log2_size) {
  size_t width = index_width(log2_size);
  int log2_bytes = log2_size + (width == 1 ? 0 : width == 2 ? 1 : width == 4 ? 2 : 3);
  int64_t usable = usable_fraction(int64_t(1) << log2_size);
  DictKeys* k = static_cast<DictKeys*>(mem_alloc(keys_bytes(log2_size, log2_bytes)));  // zeroed
  if (k == nullptr) return nullptr;
  k->log2_size = static_cast<uint8_t>(log2_size);
  k->log2_index_bytes = static_cast<uint8_t>(log2_bytes);
  k->unicode_only = true;
  k->shared = false;
  k->usable = usable;
  k->nentries = 0;
  std::memset(k->indices, 0xff, size_t(1) << log2_bytes);
  return k;
}

// The empty dict's table: no slots, nothing usable (the first insertion allocates).
DictKeys* empty_keys() {
  static DictKeys* keys = [] {
    DictKeys* k = static_cast<DictKeys*>(std::calloc(1, sizeof(DictKeys) + 8));
    k->log2_size = 0;
    k->log2_index_bytes = 0;
    k->unicode_only = true;
    k->usable = 0;
    std::memset(k->indices, 0xff, 8);
    return k;
  }();
  return keys;
}

void free_keys(DictKeys* k) {
  if (k != empty_keys()) mem_free(k, keys_bytes(k->log2_size, k->log2_index_bytes));
}

int log2_for(int64_t minsize) {
  int log2 = kLogMinSize;
  while ((int64_t(1) << log2) < minsize) ++log2;
  return log2;
}

// Finds the slot for an entry of `hash` known to be absent (used when rebuilding).
size_t find_empty_slot(DictKeys* k, int64_t hash) {
  size_t mask = static_cast<size_t>(table_size(k) - 1);
  size_t perturb = static_cast<size_t>(hash);
  size_t i = perturb & mask;
  while (get_index(k, i) >= 0) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  return i;
}

inline Value* values_of(const DictObject* d) { return dict_split_values(d); }
inline int64_t values_capacity(const DictObject* d) { return static_cast<int64_t>(d->split_values >> 48); }
inline void set_values(DictObject* d, Value* values, int64_t capacity) {
#ifdef __SANITIZE_ADDRESS__
  // LeakSanitizer cannot follow the tagged pointer: it would report the block (and what only it
  // holds) as leaked at exit. Ignored blocks are still scanned for the pointers they hold.
  if (values != nullptr) __lsan_ignore_object(values);
#endif
  d->split_values = reinterpret_cast<uint64_t>(values) | (static_cast<uint64_t>(capacity) << 48);
}
// Frees a split dict's values array (the values themselves were moved or released).
void free_values(DictObject* d) {
  if (Value* values = values_of(d)) mem_free(values, static_cast<size_t>(values_capacity(d)) * sizeof(Value));
  d->split_values = 0;
}

// A new combined table of 1 << log2_size slots for d's entries (in order, holes dropped). A split
// dict becomes combined: its entries take references to the shape's keys and own its values.
bool resize(DictObject* d, int log2_size) {
  DictKeys* old = d->keys;
  DictKeys* k = new_keys(log2_size);
  if (k == nullptr) {
    raise_no_memory();
    return false;
  }
  k->unicode_only = old->unicode_only;
  DictEntry* src = entries(old);
  DictEntry* dst = entries(k);
  int64_t n = 0;
  for (int64_t i = 0; i < old->nentries; ++i) {
    if (src[i].key.is_null()) continue;
    dst[n] = src[i];
    if (old->shared) dst[n].value = values_of(d)[i], incref(dst[n].key);
    set_index(k, find_empty_slot(k, src[i].hash), n);
    ++n;
  }
  k->nentries = n;
  k->usable -= n;
  d->keys = k;
  if (old->shared) {
    free_values(d);
  } else {
    free_keys(old);
  }
  return true;
}

// The table size a combined dict would have after `n` insertions without deletions (CPython's
// growth from the empty table); -1 for the empty table.
int combined_log2(int64_t n) {
  int log2 = -1;
  int64_t usable = 0;
  for (int64_t used = 0; used < n; ++used, --usable) {
    if (usable <= 0) {
      log2 = log2_for(used * 3);
      usable = usable_fraction(int64_t(1) << log2) - used;
    }
  }
  return log2;
}

// --- shapes: the shared keys of split dicts ---------------------------------------------------
// A shape is the key sequence of split dicts; adding a key moves a dict to a child shape. Shapes
// live for good (like interned strings), so their number and length are bounded; a dict that
// would exceed them becomes combined.
constexpr int kMaxShapeKeys = 30;                 // CPython's SHARED_KEYS_MAX_SIZE
constexpr size_t kMaxShapeBytes = 4 * 1024 * 1024;  // all shapes together
// The first values array holds at most this many: the size hint of a dict's first shape is
// shared by every class whose instances get the same first attribute.
constexpr int64_t kMaxFirstValues = 6;

struct Shape {
  Shape* parent;
  Object* key;         // the key this shape added to its parent's
  Shape* last_child;   // the transition taken last, tried before the table
  int32_t depth;       // number of keys
  int32_t max_depth;   // the most keys a dict that passed through here reached: a size hint
};
static_assert(sizeof(Shape) % 8 == 0, "the keys follow the shape");

inline Shape* shape_of(DictKeys* k) { return reinterpret_cast<Shape*>(k) - 1; }
inline DictKeys* shape_keys(Shape* s) { return reinterpret_cast<DictKeys*>(s + 1); }

struct TransitionKey {
  Shape* shape;
  Object* key;
  bool operator==(const TransitionKey& o) const { return shape == o.shape && key == o.key; }
};
struct TransitionHash {
  size_t operator()(const TransitionKey& t) const {
    return std::hash<void*>()(t.shape) * 31 + std::hash<void*>()(t.key);
  }
};
std::unordered_map<TransitionKey, Shape*, TransitionHash>* transitions = nullptr;
size_t shape_bytes = 0;

// A shape with `depth` keys: the Shape header, then a DictKeys big enough for them.
Shape* allocate_shape(int depth) {
  int log2 = depth == 0 ? 0 : kLogMinSize;
  while (usable_fraction(int64_t(1) << log2) < depth) ++log2;
  size_t index_bytes = (size_t(1) << log2) * index_width(log2);
  size_t bytes = sizeof(Shape) + sizeof(DictKeys) + (index_bytes < 8 ? 8 : index_bytes) + sizeof(DictEntry) * static_cast<size_t>(depth);
  if (shape_bytes + bytes > kMaxShapeBytes) return nullptr;
  auto* s = static_cast<Shape*>(std::calloc(1, bytes));
  if (s == nullptr) return nullptr;
  shape_bytes += bytes;
  DictKeys* k = shape_keys(s);
  k->log2_size = static_cast<uint8_t>(log2);
  size_t width = index_width(log2);
  k->log2_index_bytes = static_cast<uint8_t>(log2 + (width == 1 ? 0 : width == 2 ? 1 : width == 4 ? 2 : 3));
  k->unicode_only = true;
  k->shared = true;
  k->usable = 0;  // a shape never takes insertions
  k->nentries = depth;
  std::memset(k->indices, 0xff, index_bytes);
  s->depth = depth;
  return s;
}

Shape* root_shape() {
  static Shape* root = allocate_shape(0);
  return root;
}

// The shape of `parent`'s keys followed by `key` (an interned str), or null past the limits.
Shape* child_shape(Shape* parent, Value key, int64_t hash) {
  Object* key_object = key.as_object();
  if (Shape* c = parent->last_child; c != nullptr && c->key == key_object) return c;
  if (transitions == nullptr) transitions = new std::unordered_map<TransitionKey, Shape*, TransitionHash>();
  auto found = transitions->find({parent, key_object});
  if (found != transitions->end()) return parent->last_child = found->second;
  if (parent->depth >= kMaxShapeKeys) return nullptr;
  Shape* c = allocate_shape(parent->depth + 1);
  if (c == nullptr) return nullptr;
  c->key = key_object;
  c->parent = parent;
  DictKeys* pk = shape_keys(parent);
  DictKeys* ck = shape_keys(c);
  DictEntry* src = entries(pk);
  DictEntry* dst = entries(ck);
  for (int64_t i = 0; i <= pk->nentries; ++i) {
    dst[i].hash = i < pk->nentries ? src[i].hash : hash;
    dst[i].key = i < pk->nentries ? src[i].key : key;
    incref(dst[i].key);  // held by the shape for good
    set_index(ck, find_empty_slot(ck, dst[i].hash), i);
  }
  transitions->emplace(TransitionKey{parent, key_object}, c);
  return parent->last_child = c;
}


// Makes a split dict combined (the table a combined dict with its insertions would have).
bool unsplit(DictObject* d) {
  if (d->used == 0) {
    d->keys = empty_keys();
    free_values(d);
    return true;
  }
  return resize(d, combined_log2(d->used));
}

// Appends `key` (exact interned str, absent) to a split dict: 1 done, 0 cannot (the caller
// makes the dict combined), -1 MemoryError.
int split_append(DictObject* d, Value key, Value value, int64_t hash) {
  Shape* c = child_shape(shape_of(d->keys), key, hash);
  if (c == nullptr) return 0;
  if (d->used >= values_capacity(d)) {
    // As many as dicts through this shape went on to hold (exactly one more the first time).
    int64_t grown = std::max<int64_t>(d->used == 0 ? std::min<int64_t>(c->max_depth, kMaxFirstValues) : c->max_depth, d->used + 1);
    auto* values = static_cast<Value*>(mem_alloc(static_cast<size_t>(grown) * sizeof(Value)));
    if (values == nullptr) return -1;
    if (d->used) std::memcpy(static_cast<void*>(values), values_of(d), static_cast<size_t>(d->used) * sizeof(Value));
    free_values(d);
    set_values(d, values, grown);
  }
  values_of(d)[d->used] = new_ref(value);
  ++d->used;
  d->keys = shape_keys(c);
  for (Shape* s = c; s != nullptr && s->max_depth < c->depth; s = s->parent) s->max_depth = c->depth;
  return 1;
}

// Looks `key` up: the entry index (or -1 if absent) and the slot where it sits / would go.
// Returns -2 on error (a comparison raised).
int64_t lookup(DictObject* d, Value key, int64_t hash, size_t* slot_out) {
restart:
  DictKeys* k = d->keys;
  size_t mask = static_cast<size_t>(table_size(k) - 1);
  size_t perturb = static_cast<size_t>(hash);
  size_t i = perturb & mask;
  bool key_is_str = is_str_exact(key);
  while (true) {
    int64_t ix = get_index(k, i);
    if (ix == kEmpty) {
      if (slot_out) *slot_out = i;
      return -1;
    }
    if (ix >= 0) {
      DictEntry* e = &entries(k)[ix];
      if (e->key.is(key)) {
        if (slot_out) *slot_out = i;
        return ix;
      }
      if (e->hash == hash) {
        if (key_is_str && is_str_exact(e->key)) {
          if (str_equal(e->key, key)) {
            if (slot_out) *slot_out = i;
            return ix;
          }
        } else {
          Ref start = Ref::borrow(e->key);
          int eq = rich_compare_bool(start.get(), key, CompareOp::Eq);
          if (eq < 0) return -2;
          if (k != d->keys || !e->key.is(start.get())) goto restart;  // mutated by __eq__
          if (eq) {
            if (slot_out) *slot_out = i;
            return ix;
          }
        }
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

}  // namespace

int64_t dict_entry_index(Value dict, Value key) {
  if (!is_dict(dict) || !is_str_exact(key)) return -1;  // the raw entries, as attribute lookup reads them
  int64_t ix = lookup(as_dict(dict), key, str_hash(key), nullptr);
  if (ix < 0) {
    if (ix == -2) clear_error();  // exact str keys only compare by str_equal: cannot happen
    return -1;
  }
  return ix;
}

namespace {

DictObject* allocate_dict(TypeObject* type) {
  Object* memory = allocate_object(type, type->basic_size > sizeof(DictObject) ? type->basic_size : sizeof(DictObject));
  if (memory == nullptr) return nullptr;
  DictObject* d = static_cast<DictObject*>(memory);
  d->used = 0;
  d->version = ++dict_version_counter;
  d->keys = empty_keys();
  d->split_values = 0;
  return d;
}

int insert(DictObject* d, Value key, Value value, int64_t hash) {
  size_t slot;
  int64_t ix = lookup(d, key, hash, &slot);
  if (ix == -2) return -1;
  d->version = ++dict_version_counter;
  // As CPython: a dict is tracked by the collector only once it holds something that could be
  // part of a cycle (gc.is_tracked({"a": 1}) is False).
  if (!gc_is_tracked(d) && (gc_may_be_tracked(key) || gc_may_be_tracked(value))) gc_track(d);
  if (ix >= 0) {
    Value& v = d->keys->shared ? values_of(d)[ix] : entries(d->keys)[ix].value;
    Value old = v;
    v = new_ref(value);
    decref(old);
    return 0;
  }
  if (d->keys->shared) {
    if (is_str_exact(key) && (key.as_object()->flags & ObjectFlag::Interned)) {
      int r = split_append(d, key, value, hash);
      if (r != 0) return r < 0 ? -1 : 0;
    }
    if (!unsplit(d)) return -1;
    if (d->keys->usable > 0) slot = find_empty_slot(d->keys, hash);
  }
  if (d->keys->usable <= 0) {
    if (!resize(d, log2_for(d->used * 3))) return -1;
    slot = find_empty_slot(d->keys, hash);
  }
  DictKeys* k = d->keys;
  if (!is_str_exact(key)) k->unicode_only = false;
  DictEntry* e = &entries(k)[k->nentries];
  e->hash = hash;
  e->key = new_ref(key);
  e->value = new_ref(value);
  set_index(k, slot, k->nentries);
  ++k->nentries;
  --k->usable;
  ++d->used;
  return 0;
}

inline int64_t hash_of(Value key) {
  if (is_str_exact(key)) return str_hash(key);
  return hash(key);
}

}  // namespace

bool is_dict(Value v) { return v.is_object() && (v.as_object()->type->flags & TypeFlag::DictSubclass); }
bool is_dict_exact(Value v) { return v.is_object() && v.as_object()->type == &dict_type; }

Value dict_new() {
  DictObject* d = allocate_dict(&dict_type);
  if (d == nullptr) return Value();
  return Value::object(d);  // untracked until it holds a container (insert)
}

Value dict_new_instance() {
  DictObject* d = allocate_dict(&dict_type);
  if (d == nullptr) return Value();
  d->keys = shape_keys(root_shape());
  return Value::object(d);
}

Value dict_new_presized(size_t n) {
  Value v = dict_new();
  if (v.is_null() || n <= 5) return v;
  int log2 = log2_for(static_cast<int64_t>((n * 3 + 1) / 2));
  if (!resize(as_dict(v), log2)) {
    decref(v);
    return Value();
  }
  return v;
}

Value dict_get_item_hash(Value dict, Value key, int64_t hash) {
  DictObject* d = as_dict(dict);
  int64_t ix = lookup(d, key, hash, nullptr);
  if (ix < 0) return Value();
  Value* values = values_of(d);
  return values ? values[ix] : entries(d->keys)[ix].value;
}

Value dict_get_item(Value dict, Value key) {
  int64_t h = hash_of(key);
  if (h == -1) return Value();
  return dict_get_item_hash(dict, key, h);
}

Value dict_get_item_name(Value dict, Value name) {
  Value v = dict_get_item(dict, name);
  if (v.is_null()) clear_error();
  return v;
}

Value dict_get_item_str(Value dict, const char* key) {
  Ref k = Ref::steal(str_from_utf8(key));
  if (!k) {
    clear_error();
    return Value();
  }
  Value v = dict_get_item(dict, k.get());
  if (v.is_null()) clear_error();
  return v;
}

int dict_set_item_hash(Value dict, Value key, Value value, int64_t hash) {
  return insert(as_dict(dict), key, value, hash);
}

int dict_set_item(Value dict, Value key, Value value) {
  int64_t h = hash_of(key);
  if (h == -1) return -1;
  return insert(as_dict(dict), key, value, h);
}

int dict_set_item_str(Value dict, const char* key, Value value) {
  Ref k = Ref::steal(str_intern(key));
  if (!k) return -1;
  return dict_set_item(dict, k.get(), value);
}

namespace {

// Removes the entry at `ix` found in `slot`; returns its value (a reference the caller owns).
Value remove_entry(DictObject* d, size_t slot, int64_t ix, Value* key_out) {
  DictEntry* e = &entries(d->keys)[ix];
  set_index(d->keys, slot, kDummy);
  Value key = e->key, value = e->value;
  e->key = Value();
  e->value = Value();
  --d->used;
  d->version = ++dict_version_counter;
  if (key_out) *key_out = key; else decref(key);
  return value;
}

// Looks up key: 1 found (slot and index set), 0 missing, -1 error. `removing`: a split dict
// where the key is found becomes combined first (its entries have no holes).
int find(Value dict, Value key, size_t* slot, int64_t* ix, bool removing = false) {
  int64_t h = hash_of(key);
  if (h == -1) return -1;
  DictObject* d = as_dict(dict);
  *ix = lookup(d, key, h, slot);
  if (*ix >= 0 && removing && d->keys->shared) {
    if (!unsplit(d)) return -1;
    *ix = lookup(d, key, h, slot);
  }
  if (*ix == -2) return -1;
  return *ix >= 0;
}

}  // namespace

int dict_del_item(Value dict, Value key) {
  size_t slot;
  int64_t ix;
  int r = find(dict, key, &slot, &ix, true);
  if (r < 0) return -1;
  if (r == 0) {
    raise_key_error(key);
    return -1;
  }
  decref(remove_entry(as_dict(dict), slot, ix, nullptr));
  return 0;
}

int dict_del_item_str(Value dict, const char* key) {
  Ref k = Ref::steal(str_from_utf8(key));
  if (!k) return -1;
  return dict_del_item(dict, k.get());
}

int dict_contains(Value dict, Value key) {
  size_t slot;
  int64_t ix;
  return find(dict, key, &slot, &ix);
}

Value dict_pop(Value dict, Value key, Value default_value) {
  size_t slot;
  int64_t ix;
  int r = find(dict, key, &slot, &ix, true);
  if (r < 0) return Value();
  if (r == 0) return default_value.is_null() ? Value() : new_ref(default_value);
  return remove_entry(as_dict(dict), slot, ix, nullptr);
}

Value dict_setdefault(Value dict, Value key, Value default_value) {
  int64_t h = hash_of(key);
  if (h == -1) return Value();
  Value v = dict_get_item_hash(dict, key, h);
  if (!v.is_null()) return v;
  if (error_occurred()) return Value();
  if (insert(as_dict(dict), key, default_value, h) < 0) return Value();
  return default_value;
}

bool dict_next(Value dict, size_t* pos, Value* key, Value* value, int64_t* hash) {
  DictObject* d = as_dict(dict);
  DictKeys* k = d->keys;
  DictEntry* e = entries(k);
  size_t i = *pos;
  while (i < static_cast<size_t>(k->nentries) && e[i].key.is_null()) ++i;
  if (i >= static_cast<size_t>(k->nentries)) return false;
  *pos = i + 1;
  if (key) *key = e[i].key;
  if (value) *value = d->split_values ? values_of(d)[i] : e[i].value;
  if (hash) *hash = e[i].hash;
  return true;
}

void dict_clear(Value dict) {
  DictObject* d = as_dict(dict);
  DictKeys* k = d->keys;
  d->keys = empty_keys();
  d->version = ++dict_version_counter;
  if (k->shared) {
    Value* values = values_of(d);
    int64_t capacity = values_capacity(d), n = d->used;
    d->split_values = 0;
    d->used = 0;
    for (int64_t i = 0; i < n; ++i) decref(values[i]);
    if (values != nullptr) mem_free(values, static_cast<size_t>(capacity) * sizeof(Value));
    return;
  }
  d->used = 0;
  DictEntry* e = entries(k);
  for (int64_t i = 0; i < k->nentries; ++i) {
    xdecref(e[i].key);
    xdecref(e[i].value);
  }
  free_keys(k);
}

Value dict_copy(Value dict) {
  Value copy = dict_new_presized(dict_size(dict));
  if (copy.is_null()) return copy;
  size_t pos = 0;
  Value key, value;
  int64_t h;
  while (dict_next(dict, &pos, &key, &value, &h)) {
    if (insert(as_dict(copy), key, value, h) < 0) {
      decref(copy);
      return Value();
    }
  }
  return copy;
}

int dict_merge(Value dict, Value other, bool override) {
  if (is_dict(other) && type_of(other)->iter == dict_type.iter) {
    DictObject* d = as_dict(dict);
    if (d->used == 0 && d->keys->usable < static_cast<int64_t>(dict_size(other))) {
      if (!resize(d, log2_for(static_cast<int64_t>((dict_size(other) * 3 + 1) / 2)))) return -1;
    }
    size_t pos = 0;
    Value key, value;
    int64_t h;
    int64_t size = static_cast<int64_t>(dict_size(other));
    while (dict_next(other, &pos, &key, &value, &h)) {
      Ref k = Ref::borrow(key), v = Ref::borrow(value);
      if (!override) {
        if (!dict_get_item_hash(dict, key, h).is_null()) continue;
        if (error_occurred()) return -1;
      }
      if (insert(d, k.get(), v.get(), h) < 0) return -1;
      if (static_cast<int64_t>(dict_size(other)) != size) {
        raise(exc::RuntimeError, "dict mutated during update");
        return -1;
      }
    }
    return 0;
  }
  Ref keys = Ref::steal(call_method(other, "keys", nullptr, 0));
  if (!keys) return -1;
  Ref it = Ref::steal(get_iter(keys.get()));
  if (!it) return -1;
  while (true) {
    Ref key = Ref::steal(iter_next(it.get()));
    if (!key) return error_occurred() ? -1 : 0;
    if (!override) {
      int r = dict_contains(dict, key.get());
      if (r < 0) return -1;
      if (r) continue;
    }
    Ref value = Ref::steal(get_item(other, key.get()));
    if (!value || dict_set_item(dict, key.get(), value.get()) < 0) return -1;
  }
}

int dict_merge_from_seq2(Value dict, Value iterable) {
  Ref it = Ref::steal(get_iter(iterable));
  if (!it) return -1;
  for (size_t n = 0;; ++n) {
    Ref item = Ref::steal(iter_next(it.get()));
    if (!item) return error_occurred() ? -1 : 0;
    Ref seq;
    if (is_tuple_exact(item.get()) || is_list_exact(item.get())) {
      seq = item;
    } else {
      Ref inner = Ref::steal(get_iter(item.get()));
      if (!inner) {
        if (error_matches(exc::TypeError)) {
          clear_error();
          raise_format(exc::TypeError, "cannot convert dictionary update sequence element #%zu to a sequence", n);
        }
        return -1;
      }
      seq = Ref::steal(list_from_iterable(item.get()));
      if (!seq) return -1;
    }
    bool l = is_list_exact(seq.get());
    size_t len = l ? list_size(seq.get()) : tuple_size(seq.get());
    if (len != 2) {
      raise_format(exc::ValueError, "dictionary update sequence element #%zu has length %zu; 2 is required", n, len);
      return -1;
    }
    Value* items = l ? list_items(seq.get()) : tuple_items(seq.get());
    Ref key = Ref::borrow(items[0]), value = Ref::borrow(items[1]);
    if (dict_set_item(dict, key.get(), value.get()) < 0) return -1;
  }
}

namespace {
Value collect(Value dict, int which) {
  Value list = list_new(dict_size(dict));
  if (list.is_null()) return list;
  size_t pos = 0, i = 0;
  Value key, value;
  while (dict_next(dict, &pos, &key, &value)) {
    Value item;
    if (which == 0) item = new_ref(key);
    else if (which == 1) item = new_ref(value);
    else item = tuple_pack({key, value});
    if (item.is_null()) {
      decref(list);
      return Value();
    }
    list_items(list)[i++] = item;
  }
  return list;
}
}  // namespace

Value dict_keys_list(Value dict) { return collect(dict, 0); }
Value dict_values_list(Value dict) { return collect(dict, 1); }
Value dict_items_list(Value dict) { return collect(dict, 2); }

Value dict_repr(Value v) {
  if (dict_size(v) == 0) return str_from_ascii("{}");
  int entered = coll::repr_enter(v.as_object());
  if (entered != 0) return entered > 0 ? str_from_ascii("{...}") : Value();
  StrBuilder b;
  b.push('{');
  bool ok = vm::enter_recursive_call(" while getting the repr of an object");
  if (ok) {
    size_t pos = 0;
    Value key, value;
    bool first = true;
    while (dict_next(v, &pos, &key, &value)) {
      Ref k = Ref::borrow(key), val = Ref::borrow(value);
      if (!first) b.push_ascii(", ");
      first = false;
      Ref kr = Ref::steal(repr(k.get()));
      if (!kr) { ok = false; break; }
      b.append(kr.get());
      b.push_ascii(": ");
      Ref vr = Ref::steal(repr(val.get()));
      if (!vr) { ok = false; break; }
      b.append(vr.get());
    }
    vm::leave_recursive_call();
  }
  coll::repr_leave(v.as_object());
  if (!ok) return Value();
  b.push('}');
  return b.finish();
}

namespace {

void dict_dealloc(Object* self) {
  dict_clear(Value::object(self));
  free_object(self);
}

void dict_traverse(Object* self, VisitFunc visit, void* context) {
  auto* d = static_cast<DictObject*>(self);
  DictKeys* k = d->keys;
  if (k->shared) {  // the shape holds the keys (as CPython, a split dict visits its values only)
    Value* values = values_of(d);
    for (int64_t i = 0; i < d->used; ++i)
      if (values[i].is_object()) visit(values[i], context);
    return;
  }
  DictEntry* e = entries(k);
  for (int64_t i = 0; i < k->nentries; ++i) {
    if (e[i].key.is_object()) visit(e[i].key, context);
    if (e[i].value.is_object()) visit(e[i].value, context);
  }
}

void dict_clear_slot(Object* self) { dict_clear(Value::object(self)); }

int64_t dict_length(Value v) { return static_cast<int64_t>(dict_size(v)); }

Value dict_subscript(Value self, Value key) {
  int64_t h = hash_of(key);
  if (h == -1) return Value();
  Value v = dict_get_item_hash(self, key, h);
  if (!v.is_null()) return new_ref(v);
  if (error_occurred()) return Value();
  if (!is_dict_exact(self)) {
    Ref missing = Ref::steal(lookup_special(self, "__missing__"));
    if (missing) return call_one_arg(missing.get(), key);
    if (error_occurred()) return Value();
  }
  return raise_key_error(key);
}

int dict_ass_subscript(Value self, Value key, Value value) {
  if (value.is_null()) return dict_del_item(self, key);
  return dict_set_item(self, key, value);
}

int dict_contains_slot(Value self, Value key) { return dict_contains(self, key); }

Value dict_richcompare(Value a, Value b, CompareOp op) {
  if (!is_dict(a) || !is_dict(b) || (op != CompareOp::Eq && op != CompareOp::Ne)) return new_ref(not_implemented());
  bool equal = dict_size(a) == dict_size(b);
  if (equal) {
    size_t pos = 0;
    Value key, value;
    int64_t h;
    while (dict_next(a, &pos, &key, &value, &h)) {
      Ref k = Ref::borrow(key), va = Ref::borrow(value);
      Value vb = dict_get_item_hash(b, key, h);
      if (vb.is_null()) {
        if (error_occurred()) return Value();
        equal = false;
        break;
      }
      Ref hold = Ref::borrow(vb);
      int eq = rich_compare_bool(va.get(), vb, CompareOp::Eq);
      if (eq < 0) return Value();
      if (!eq) {
        equal = false;
        break;
      }
    }
  }
  return new_ref(bool_value(equal == (op == CompareOp::Eq)));
}

// --- iterators -------------------------------------------------------------------------------

Value make_dict_iter(TypeObject* type, Value dict, bool reversed) {
  DictIterObject* it = new_object<DictIterObject>(type);
  if (it == nullptr) return Value();
  it->dict = new_ref(dict);
  it->used = as_dict(dict)->used;
  it->len = it->used;
  it->pos = reversed ? as_dict(dict)->keys->nentries - 1 : 0;
  it->result = Value();
  gc_track(it);
  return Value::object(it);
}

// The index of the next live entry of a dict iterator, or -1 (exhausted, or error set).
int64_t iter_advance(DictIterObject* it, bool reversed) {
  if (it->dict.is_null()) return -1;
  DictObject* d = as_dict(it->dict);
  if (d->used != it->used) {
    raise(exc::RuntimeError, "dictionary changed size during iteration");
    it->used = -1;
    return -1;
  }
  DictKeys* k = d->keys;
  DictEntry* e = entries(k);
  if (!reversed) {
    while (it->pos < k->nentries && e[it->pos].key.is_null()) ++it->pos;
    if (it->pos < k->nentries) {
      --it->len;
      if (it->len < 0) {
        raise(exc::RuntimeError, "dictionary keys changed during iteration");
        return -1;
      }
      return it->pos++;
    }
  } else {
    while (it->pos >= 0 && it->pos < k->nentries && e[it->pos].key.is_null()) --it->pos;
    if (it->pos >= 0 && it->pos < k->nentries) {
      --it->len;
      return it->pos--;
    }
  }
  Value dict = it->dict;
  it->dict = Value();
  decref(dict);
  return -1;
}

template <int Which, bool Reversed>
Value dict_iter_next(Value self) {
  DictIterObject* it = static_cast<DictIterObject*>(self.as_object());
  int64_t i = iter_advance(it, Reversed);
  if (i < 0) return Value();
  DictObject* d = as_dict(it->dict);
  DictEntry* e = &entries(d->keys)[i];
  Value value = d->split_values ? values_of(d)[i] : e->value;
  if (Which == 0) return new_ref(e->key);
  if (Which == 1) return new_ref(value);
  return tuple_pack({e->key, value});
}

void dict_iter_dealloc(Object* self) {
  xdecref(static_cast<DictIterObject*>(self)->dict);
  xdecref(static_cast<DictIterObject*>(self)->result);
  free_object(self);
}
void dict_iter_traverse(Object* self, VisitFunc visit, void* context) {
  Value d = static_cast<DictIterObject*>(self)->dict;
  if (d.is_object()) visit(d, context);
}
Value iter_self(Value self) { return new_ref(self); }
Value dict_iter_length_hint(Value self) {
  DictIterObject* it = static_cast<DictIterObject*>(self.as_object());
  if (it->dict.is_null() || it->used != as_dict(it->dict)->used) return int_from_int64(0);
  return int_from_int64(it->len);
}

Value dict_iter(Value self) { return make_dict_iter(&dict_keyiterator_type, self, false); }

// --- views -----------------------------------------------------------------------------------

Value make_view(TypeObject* type, Value dict) {
  DictViewObject* v = new_object<DictViewObject>(type);
  if (v == nullptr) return Value();
  v->dict = new_ref(dict);
  gc_track(v);
  return Value::object(v);
}
inline Value view_dict(Value view) { return static_cast<DictViewObject*>(view.as_object())->dict; }

void view_dealloc(Object* self) {
  xdecref(static_cast<DictViewObject*>(self)->dict);
  free_object(self);
}
void view_traverse(Object* self, VisitFunc visit, void* context) {
  Value d = static_cast<DictViewObject*>(self)->dict;
  if (d.is_object()) visit(d, context);
}
int64_t view_length(Value self) { return static_cast<int64_t>(dict_size(view_dict(self))); }
Value keys_iter(Value self) { return make_dict_iter(&dict_keyiterator_type, view_dict(self), false); }
Value values_iter(Value self) { return make_dict_iter(&dict_valueiterator_type, view_dict(self), false); }
Value items_iter(Value self) { return make_dict_iter(&dict_itemiterator_type, view_dict(self), false); }
Value keys_reversed(Value self) { return make_dict_iter(&dict_reversekeyiterator_type, view_dict(self), true); }
Value values_reversed(Value self) { return make_dict_iter(&dict_reversevalueiterator_type, view_dict(self), true); }
Value items_reversed(Value self) { return make_dict_iter(&dict_reverseitemiterator_type, view_dict(self), true); }
int keys_contains(Value self, Value key) { return dict_contains(view_dict(self), key); }
int items_contains(Value self, Value item) {
  if (!is_tuple(item) || tuple_size(item) != 2) return 0;
  Value v = dict_get_item(view_dict(self), tuple_get(item, 0));
  if (v.is_null()) return error_occurred() ? -1 : 0;
  Ref hold = Ref::borrow(v);
  return rich_compare_bool(v, tuple_get(item, 1), CompareOp::Eq);
}

Value view_repr(Value self) {
  int entered = coll::repr_enter(self.as_object());
  if (entered != 0) return entered > 0 ? str_from_ascii("...") : Value();
  Ref list = Ref::steal(list_from_iterable(self));
  Ref r = list ? Ref::steal(list_repr(list.get())) : Ref();
  coll::repr_leave(self.as_object());
  if (!r) return Value();
  return str_from_format("%s(%s)", type_of(self)->name.c_str(), str_cstr(r.get()));
}

// Set operations on keys/items views build a set from the left operand.
Value view_set_op(Value a, Value b, int op) {
  bool a_view = type_of(a) == &dict_keys_type || type_of(a) == &dict_items_type;
  Ref left = Ref::steal(set_new(a_view ? a : a));
  if (!left) return Value();
  Ref right_set;
  const char* name = op == 0 ? "intersection_update" : op == 1 ? "update" : op == 2 ? "symmetric_difference_update" : "difference_update";
  Value args[1] = {b};
  Ref r = Ref::steal(call_method(left.get(), name, args, 1));
  if (!r) return Value();
  return left.release();
}
Value view_and(Value a, Value b) { return view_set_op(a, b, 0); }
Value view_or(Value a, Value b) { return view_set_op(a, b, 1); }
Value view_xor(Value a, Value b) { return view_set_op(a, b, 2); }
Value view_sub(Value a, Value b) { return view_set_op(a, b, 3); }

Value view_richcompare(Value a, Value b, CompareOp op) {
  if (!is_anyset(b) && type_of(b) != &dict_keys_type && type_of(b) != &dict_items_type) return new_ref(not_implemented());
  Ref left = Ref::steal(set_new(a));
  Ref right = Ref::steal(set_new(b));
  if (!left || !right) return Value();
  return rich_compare(left.get(), right.get(), op);
}

Value view_isdisjoint(Value self, Value other) {
  Ref it = Ref::steal(get_iter(other));
  if (!it) return Value();
  while (true) {
    Ref item = Ref::steal(iter_next(it.get()));
    if (!item) {
      if (error_occurred()) return Value();
      return new_ref(true_value());
    }
    int r = type_of(self)->sequence.contains(self, item.get());
    if (r < 0) return Value();
    if (r) return new_ref(false_value());
  }
}

// --- methods ---------------------------------------------------------------------------------

Value dict_keys_method(Value self) { return make_view(&dict_keys_type, self); }
Value dict_values_method(Value self) { return make_view(&dict_values_type, self); }
Value dict_items_method(Value self) { return make_view(&dict_items_type, self); }
Value dict_reversed(Value self) { return make_dict_iter(&dict_reversekeyiterator_type, self, true); }

Value dict_get(Value self, const Value* args, size_t nargs) {
  if (!coll::check_unpack("get", nargs, 1, 2)) return Value();
  Value v = dict_get_item(self, args[0]);
  if (!v.is_null()) return new_ref(v);
  if (error_occurred()) return Value();
  return new_ref(nargs > 1 ? args[1] : none());
}

Value dict_setdefault_method(Value self, const Value* args, size_t nargs) {
  if (!coll::check_unpack("setdefault", nargs, 1, 2)) return Value();
  Value v = dict_setdefault(self, args[0], nargs > 1 ? args[1] : none());
  return v.is_null() ? v : new_ref(v);
}

Value dict_pop_method(Value self, const Value* args, size_t nargs) {
  if (!coll::check_unpack("pop", nargs, 1, 2)) return Value();
  Value v = dict_pop(self, args[0], nargs > 1 ? args[1] : Value());
  if (v.is_null() && !error_occurred()) return raise_key_error(args[0]);
  return v;
}

Value dict_popitem(Value self) {
  DictObject* d = as_dict(self);
  if (d->used == 0) return raise(exc::KeyError, "popitem(): dictionary is empty");
  if (d->keys->shared && !unsplit(d)) return Value();
  DictKeys* k = d->keys;
  DictEntry* e = entries(k);
  int64_t i = k->nentries - 1;
  while (i >= 0 && e[i].key.is_null()) --i;
  size_t mask = static_cast<size_t>(table_size(k) - 1);
  size_t slot = static_cast<size_t>(e[i].hash) & mask;
  size_t perturb = static_cast<size_t>(e[i].hash);
  while (get_index(k, slot) != i) {
    perturb >>= 5;
    slot = (slot * 5 + perturb + 1) & mask;
  }
  Value key;
  Value value = remove_entry(d, slot, i, &key);
  k->nentries = i;  // CPython reuses the last entry
  ++k->usable;
  Value result = tuple_pack({key, value});
  decref(key);
  decref(value);
  return result;
}

int dict_update_common(Value self, const Value* args, size_t nargs, Value kwnames, const char* name) {
  if (!coll::check_unpack(name, nargs, 0, 1)) return -1;
  if (nargs == 1) {
    Value arg = args[0];
    int r;
    if (is_dict(arg)) {
      r = dict_merge(self, arg, true);
    } else {
      Ref keys = Ref::steal(lookup_attr(arg, Ref::steal(str_intern("keys")).get()));
      if (keys) {
        r = dict_merge(self, arg, true);
      } else if (error_occurred()) {
        return -1;
      } else {
        r = dict_merge_from_seq2(self, arg);
      }
    }
    if (r < 0) return -1;
  }
  size_t nkw = kwnames.is_null() ? 0 : tuple_size(kwnames);
  for (size_t i = 0; i < nkw; ++i) {
    if (dict_set_item(self, tuple_get(kwnames, i), args[nargs + i]) < 0) return -1;
  }
  return 0;
}

Value dict_update_method(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (dict_update_common(self, args, nargs, kwnames, "update") < 0) return Value();
  return new_ref(none());
}

Value dict_fromkeys(Value cls, const Value* args, size_t nargs) {
  if (!coll::check_unpack("fromkeys", nargs, 1, 2)) return Value();
  Value value = nargs > 1 ? args[1] : none();
  Ref d = Ref::steal(call_no_args(cls));
  if (!d) return Value();
  Ref it = Ref::steal(get_iter(args[0]));
  if (!it) return Value();
  bool exact = is_dict_exact(d.get());
  while (true) {
    Ref key = Ref::steal(iter_next(it.get()));
    if (!key) return error_occurred() ? Value() : d.release();
    int r = exact ? dict_set_item(d.get(), key.get(), value) : set_item(d.get(), key.get(), value);
    if (r < 0) return Value();
  }
}

Value dict_copy_method(Value self) { return dict_copy(self); }
Value dict_clear_method(Value self) {
  dict_clear(self);
  return new_ref(none());
}
Value dict_contains_method(Value self, Value key) {
  int r = dict_contains(self, key);
  if (r < 0) return Value();
  return new_ref(bool_value(r));
}
Value dict_getitem_method(Value self, Value key) { return dict_subscript(self, key); }
Value dict_sizeof(Value self) {
  DictObject* d = as_dict(self);
  DictKeys* k = d->keys;
  int64_t size = 48;
  if (k->shared) {
    // The size of the combined table the same insertions would have made (split dicts are
    // krait's representation, not something sys.getsizeof shows).
    int log2 = combined_log2(d->used);
    if (log2 >= 0)
      size += 32 + static_cast<int64_t>((size_t(1) << log2) * index_width(log2)) + 16 * usable_fraction(int64_t(1) << log2);
  } else if (k != empty_keys()) {
    size_t entry = k->unicode_only ? 16 : 24;
    size += 32 + (int64_t(1) << k->log2_index_bytes) + static_cast<int64_t>(entry) * usable_fraction(table_size(k));
  }
  return int_from_int64(size);
}

Value dict_or(Value a, Value b) {
  if (!is_dict(a) || !is_dict(b)) return new_ref(not_implemented());
  Ref copy = Ref::steal(is_dict_exact(a) ? dict_copy(a) : call_method(a, "copy", nullptr, 0));
  if (!copy || dict_merge(copy.get(), b, true) < 0) return Value();
  return copy.release();
}
Value dict_ior(Value a, Value b) {
  if (dict_update_common(a, &b, 1, Value(), "update") < 0) return Value();
  return new_ref(a);
}

Value dict_new_slot(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  DictObject* d = allocate_dict(type);
  if (d == nullptr) return Value();
  if (type != &dict_type) gc_track(d);  // dict() starts untracked, as dict_new's dicts
  return Value::object(d);
}
int dict_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  return dict_update_common(self, args, nargs, kwnames, "dict");
}

#define M(name, fn, kind) {name, reinterpret_cast<void*>(&fn), MethodKind::kind}
const MethodDef dict_methods[] = {
    M("__contains__", dict_contains_method, OneArg),
    M("__getitem__", dict_getitem_method, OneArg),
    M("__sizeof__", dict_sizeof, NoArgs),
    M("get", dict_get, Fast),
    M("setdefault", dict_setdefault_method, Fast),
    M("pop", dict_pop_method, Fast),
    M("popitem", dict_popitem, NoArgs),
    M("keys", dict_keys_method, NoArgs),
    M("items", dict_items_method, NoArgs),
    M("values", dict_values_method, NoArgs),
    M("update", dict_update_method, FastKeywords),
    {"fromkeys", reinterpret_cast<void*>(&dict_fromkeys), MethodKind::Fast, true},
    M("clear", dict_clear_method, NoArgs),
    M("copy", dict_copy_method, NoArgs),
    M("__reversed__", dict_reversed, NoArgs),
    {nullptr, nullptr, MethodKind::NoArgs},
};
const MethodDef dict_iter_methods[] = {
    M("__length_hint__", dict_iter_length_hint, NoArgs),
    {nullptr, nullptr, MethodKind::NoArgs},
};
const MethodDef keys_methods[] = {
    M("isdisjoint", view_isdisjoint, OneArg),
    M("__reversed__", keys_reversed, NoArgs),
    {nullptr, nullptr, MethodKind::NoArgs},
};
const MethodDef items_methods[] = {
    M("isdisjoint", view_isdisjoint, OneArg),
    M("__reversed__", items_reversed, NoArgs),
    {nullptr, nullptr, MethodKind::NoArgs},
};
const MethodDef values_methods[] = {
    M("__reversed__", values_reversed, NoArgs),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef M

void init_iter_type(TypeObject& t, const char* name, UnaryFunc next) {
  coll::init_static_type(t, name, sizeof(DictIterObject), TypeFlag::HaveGc);
  t.dealloc = dict_iter_dealloc;
  t.traverse = dict_iter_traverse;
  t.iter = iter_self;
  t.iternext = next;
  add_methods(&t, dict_iter_methods);
  type_ready(&t);
}

// view.mapping: a read-only proxy of the dict the view shows (mappingproxy: descriptors.cpp).
Value view_mapping(Value self) { return mappingproxy_new(view_dict(self)); }
const GetSetDef view_getsets[] = {{"mapping", view_mapping, nullptr, "dictionary that this view refers to"},
                                  {nullptr, nullptr}};

void init_view_type(TypeObject& t, const char* name, UnaryFunc iter, const MethodDef* methods, bool setlike) {
  coll::init_static_type(t, name, sizeof(DictViewObject), TypeFlag::HaveGc);
  t.dealloc = view_dealloc;
  t.traverse = view_traverse;
  t.repr = view_repr;
  t.iter = iter;
  t.sequence.length = view_length;
  t.mapping.length = view_length;
  if (setlike) {
    t.richcompare = view_richcompare;
    t.number.and_ = view_and;
    t.number.or_ = view_or;
    t.number.xor_ = view_xor;
    t.number.subtract = view_sub;
  }
  add_methods(&t, methods);
  add_getsets(&t, view_getsets);
}

}  // namespace

void init_dict_types() {
  TypeObject& t = dict_type;
  coll::init_static_type(t, "dict", sizeof(DictObject),
                         TypeFlag::BaseType | TypeFlag::HaveGc | TypeFlag::DictSubclass | TypeFlag::MatchMapping);
  t.dealloc = dict_dealloc;
  t.traverse = dict_traverse;
  t.clear = dict_clear_slot;
  t.repr = dict_repr;
  t.richcompare = dict_richcompare;
  t.iter = dict_iter;
  t.new_ = dict_new_slot;
  t.init = dict_init;
  t.sequence.contains = dict_contains_slot;
  t.mapping.length = dict_length;
  t.mapping.subscript = dict_subscript;
  t.mapping.ass_subscript = dict_ass_subscript;
  t.number.or_ = dict_or;
  t.number.inplace_or = dict_ior;
  add_methods(&t, dict_methods);
  type_ready(&t);

  init_iter_type(dict_keyiterator_type, "dict_keyiterator", dict_iter_next<0, false>);
  init_iter_type(dict_valueiterator_type, "dict_valueiterator", dict_iter_next<1, false>);
  init_iter_type(dict_itemiterator_type, "dict_itemiterator", dict_iter_next<2, false>);
  init_iter_type(dict_reversekeyiterator_type, "dict_reversekeyiterator", dict_iter_next<0, true>);
  init_iter_type(dict_reversevalueiterator_type, "dict_reversevalueiterator", dict_iter_next<1, true>);
  init_iter_type(dict_reverseitemiterator_type, "dict_reverseitemiterator", dict_iter_next<2, true>);

  init_view_type(dict_keys_type, "dict_keys", keys_iter, keys_methods, true);
  dict_keys_type.sequence.contains = keys_contains;
  type_ready(&dict_keys_type);
  init_view_type(dict_items_type, "dict_items", items_iter, items_methods, true);
  dict_items_type.sequence.contains = items_contains;
  type_ready(&dict_items_type);
  init_view_type(dict_values_type, "dict_values", values_iter, values_methods, false);
  type_ready(&dict_values_type);
}

}  // namespace krait::runtime
