// Shared pieces of the _collections module's files.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/builtin_types.h"
#include "runtime/memory.h"
#include "runtime/object.h"
#include "runtime/type.h"

namespace krait::modules::collections {

using namespace runtime;

extern TypeObject deque_type, deque_iterator_type, deque_reverse_iterator_type, defaultdict_type,
    tuplegetter_type;

// Fills a static type's header: immortal, `name` as tp_name ("collections.deque"), base object.
void init_native_type(TypeObject& type, const char* name, size_t basic_size, uint64_t flags);
Value iter_self(Value self);
inline Value type_value(TypeObject* type) { return Value::object(type); }
inline void clear_value(Value& field) {
  Value old = field;
  field = Value();
  xdecref(old);
}

// Each file readies its types once: 0 or -1 + error.
int init_deque_types();
int init_defaultdict_type();
int init_tuplegetter_type();

}  // namespace krait::modules::collections
