// dict: CPython's compact ordered dict. A hash index table (1, 2, 4 or 8 bytes a slot, sized a
// power of two) points into an array of entries kept in insertion order; sizes, growth and
// probing follow CPython 3.11, so iteration order and sys.getsizeof agree.
//
// Instance dicts (dict_new_instance) start as split tables, as CPython's: the keys table is a
// shared, immutable "shape" (the keys of every instance dict given the same str keys in the same
// order), and the dict owns only an array of values in key order. A split dict has no holes: a
// deletion, a key that is not an interned str, or too many keys turn it into an ordinary
// (combined) table with the same entry order and the size a combined dict would have had.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/builtin_types.h"
#include "runtime/gc.h"
#include "runtime/object.h"

namespace krait::runtime {

struct DictEntry {
  int64_t hash;
  Value key;             // null: deleted entry
  Value value;
};

// The keys table: header, then the index table (size << log2_index_bytes bytes), then entries.
struct DictKeys {
  uint8_t log2_size;         // index table has 1 << log2_size slots
  uint8_t log2_index_bytes;  // log2 of (slot width * slots)
  bool unicode_only;         // every key is an exact str (CPython's DICT_KEYS_UNICODE)
  bool shared;               // a shape's keys (split dicts): entries' values are unused
  int64_t usable;            // entries that can still be added before a resize
  int64_t nentries;          // entries used (including deleted ones)
  alignas(8) char indices[]; // int8/16/32/64 slots; then DictEntry[usable + nentries]
};

struct DictObject : Object {
  int64_t used;              // live items
  uint64_t version;          // changes on every modification (specialization guards)
  DictKeys* keys;            // split: the shape's keys (shared, not owned)
  // Split: the values array (entry i's at [i]) in the low 48 bits (user addresses fit, as in
  // Value), its capacity in the high 16; 0 for a combined dict (and a split one with no values).
  uint64_t split_values;
};
inline Value* dict_split_values(const DictObject* d) {
  return reinterpret_cast<Value*>(d->split_values & ((uint64_t(1) << 48) - 1));
}

struct DictIterObject : Object {
  Value dict;                // null once exhausted
  int64_t used;              // dict's size when the iterator was made
  int64_t pos;               // next entry index (or count of items yielded for reversed)
  int64_t len;               // items left (length_hint)
  Value result;              // reused (key, value) tuple for items()
};
struct DictViewObject : Object {
  Value dict;
};

extern TypeObject dict_keyiterator_type, dict_valueiterator_type, dict_itemiterator_type,
    dict_reversekeyiterator_type, dict_reversevalueiterator_type, dict_reverseitemiterator_type,
    dict_keys_type, dict_values_type, dict_items_type;

bool is_dict(Value v);           // dict or a subclass
bool is_dict_exact(Value v);

Value dict_new();
// A dict for an instance's __dict__ (a split table, see above).
Value dict_new_instance();
Value dict_new_presized(size_t n);
inline DictObject* as_dict(Value v) { return static_cast<DictObject*>(v.as_object()); }
inline size_t dict_size(Value v) { return static_cast<size_t>(as_dict(v)->used); }
inline uint64_t dict_version(Value v) { return as_dict(v)->version; }

// --- entry hints (the specializing VM's attribute caches) -----------------------------------------
// Every modification gives a dict the next value of this counter as its version.
extern uint64_t dict_version_counter;
inline DictEntry* dict_entries(DictKeys* k) {
  return reinterpret_cast<DictEntry*>(k->indices + (size_t(1) << k->log2_index_bytes));
}
// The index of the entry holding `key` (an exact str) in a dict's own entries, or -1.
int64_t dict_entry_index(Value dict, Value key);
// The value of entry `ix` if it still holds `key` (the same interned str), else null (borrowed).
inline Value dict_value_at_hint(Value dict, int64_t ix, Value key) {
  DictObject* d = as_dict(dict);
  DictKeys* k = d->keys;
  if (ix >= k->nentries) return Value();
  DictEntry& e = dict_entries(k)[ix];
  if (!e.key.is(key)) return Value();
  Value* values = dict_split_values(d);
  return values ? values[ix] : e.value;  // (a split dict's entries all hold values)
}
// Replaces entry `ix`'s value if it still holds `key` (steals `value`; the old one is returned
// for the caller to release); null when the hint is stale.
inline Value dict_swap_at_hint(Value dict, int64_t ix, Value key, Value value) {
  DictObject* d = as_dict(dict);
  if (ix >= d->keys->nentries) return Value();
  DictEntry& e = dict_entries(d->keys)[ix];
  if (!e.key.is(key)) return Value();
  Value* values = dict_split_values(d);
  Value& slot = values ? values[ix] : e.value;
  if (slot.is_null()) return Value();
  Value old = slot;
  slot = value;
  d->version = ++dict_version_counter;
  // A dict is tracked by the collector once it holds a possible container (dict.cpp's insert).
  if (!gc_is_tracked(d) && gc_may_be_tracked(value)) gc_track(d);
  return old;
}

// The value for `key` (BORROWED), or null: missing (no error) or failed (error set: unhashable
// key, or __eq__ raised). Callers tell them apart with error_occurred().
Value dict_get_item(Value dict, Value key);
Value dict_get_item_hash(Value dict, Value key, int64_t hash);
Value dict_get_item_str(Value dict, const char* key);  // borrowed; never sets an error
// dict[name] for an interned str `name` (borrowed), or null; never sets an error (a key whose
// __eq__ fails reads as absent). For names asked often: no str is built per lookup.
Value dict_get_item_name(Value dict, Value name);
// Sets dict[key] = value (both borrowed): 0, or -1 + error.
int dict_set_item(Value dict, Value key, Value value);
int dict_set_item_hash(Value dict, Value key, Value value, int64_t hash);
int dict_set_item_str(Value dict, const char* key, Value value);
// Deletes dict[key]: 0, or -1 + KeyError (or another error).
int dict_del_item(Value dict, Value key);
int dict_del_item_str(Value dict, const char* key);
// 1 if key in dict, 0 if not, -1 + error.
int dict_contains(Value dict, Value key);
// Removes and returns dict[key] (new reference); when missing returns `default_value` (new ref)
// or, if it is null, null with no error set (check error_occurred()).
Value dict_pop(Value dict, Value key, Value default_value);
// dict.setdefault(key, default): borrowed result.
Value dict_setdefault(Value dict, Value key, Value default_value);

// Iteration: starts with *pos = 0; yields BORROWED key/value (either pointer may be null).
// The dict must not change size during the loop.
bool dict_next(Value dict, size_t* pos, Value* key, Value* value, int64_t* hash = nullptr);

void dict_clear(Value dict);
Value dict_copy(Value dict);
// dict.update(other) for a mapping (dict fast path, else keys() + __getitem__): 0 or -1.
int dict_merge(Value dict, Value other, bool override = true);
// dict.update(iterable of pairs): 0 or -1.
int dict_merge_from_seq2(Value dict, Value iterable);
Value dict_keys_list(Value dict);
Value dict_values_list(Value dict);
Value dict_items_list(Value dict);
Value dict_repr(Value v);

}  // namespace krait::runtime
