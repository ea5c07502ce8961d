// list: a growable array of Values (CPython's over-allocation pattern, so sys.getsizeof agrees).
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/builtin_types.h"
#include "runtime/object.h"

namespace krait::runtime {

struct ListObject : Object {
  Value* items;          // malloc'd, `allocated` slots (null when allocated == 0)
  int64_t size;
  int64_t allocated;
};

struct ListIterObject : Object {
  int64_t index;
  Value list;            // null once exhausted
};
extern TypeObject list_iterator_type, list_reverseiterator_type;

bool is_list(Value v);           // list or a subclass
bool is_list_exact(Value v);

// A list of n items, all null: the caller stores NEW references into list_items() before the
// list is shared.
Value list_new(size_t n);
Value list_from_array(const Value* items, size_t n);   // borrowed items, each increfed
Value list_from_iterable(Value iterable);              // list(iterable)

inline ListObject* as_list(Value v) { return static_cast<ListObject*>(v.as_object()); }
inline size_t list_size(Value v) { return static_cast<size_t>(as_list(v)->size); }
inline Value* list_items(Value v) { return as_list(v)->items; }  // invalidated by resizing
inline Value list_get(Value v, size_t i) { return as_list(v)->items[i]; }  // borrowed

int list_append(Value list, Value item);               // item borrowed; 0 or -1
int list_insert(Value list, int64_t index, Value item);
int list_extend(Value list, Value iterable);
// Replaces item i (in range) by `item` (borrowed); the old item is released.
void list_set(Value list, size_t i, Value item);
int list_sort(Value list);                              // list.sort() without key/reverse
int list_reverse(Value list);
Value list_as_tuple(Value list);
Value list_slice(Value list, int64_t start, int64_t stop);
Value list_repr(Value v);

}  // namespace krait::runtime
