// set and frozenset: CPython 3.11's open-addressing hash table (linear probes of 9 then
// perturbation, the same table sizes, fill and resize rules), so iteration order and repr match.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/builtin_types.h"
#include "runtime/object.h"

namespace krait::runtime {

struct SetEntry {
  Value key;             // null: never used; set_dummy(): deleted
  int64_t hash;
};

inline constexpr size_t kSetMinSize = 8;

struct SetObject : Object {
  int64_t fill;          // active + dummy entries
  int64_t used;          // active entries
  int64_t mask;          // table size - 1
  SetEntry* table;       // smalltable or malloc'd
  int64_t hash;          // frozenset only: -1 until computed
  int64_t finger;        // where pop() looks next
  SetEntry smalltable[kSetMinSize];
  Value weakrefs;        // weak-reference list (weakref.h)
};

struct SetIterObject : Object {
  Value set;             // null once exhausted
  int64_t used;          // set size at creation
  int64_t pos;
  int64_t len;
};
extern TypeObject set_iterator_type;

bool is_set(Value v);            // set or subclass
bool is_frozenset(Value v);      // frozenset or subclass
bool is_anyset(Value v);         // either

// set(iterable) / frozenset(iterable); iterable may be null for an empty one.
Value set_new(Value iterable = Value());
Value frozenset_new(Value iterable = Value());
inline SetObject* as_set(Value v) { return static_cast<SetObject*>(v.as_object()); }
inline size_t set_size(Value v) { return static_cast<size_t>(as_set(v)->used); }

int set_add(Value set, Value key);        // 0 or -1
int set_contains(Value set, Value key);   // 1, 0 or -1
int set_discard(Value set, Value key);    // 1 removed, 0 absent, -1 error
Value set_pop(Value set);                 // KeyError "pop from an empty set" when empty
int set_clear(Value set);
int set_update(Value set, Value iterable);
// Iteration: *pos starts at 0; yields BORROWED keys.
bool set_next(Value set, size_t* pos, Value* key, int64_t* hash = nullptr);
Value set_repr(Value v);

}  // namespace krait::runtime
