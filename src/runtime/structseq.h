// Struct sequences (CPython's structseq): tuple subclasses with named fields, such as
// os.stat_result and time.struct_time. The first `n_visible` fields are the tuple's items; the
// rest are attributes only (st_atime as a float, tm_zone). Every field lives in the tuple's item
// array (the tuple's size is the visible count), each named field is a read-only member.
//
// Types are made at run time from a description and live forever (immortal).
#pragma once

#include <cstddef>

#include "runtime/builtin_types.h"
#include "runtime/object.h"

namespace krait::runtime {

// A field name of nullptr marks an unnamed field (visible only by index, as stat_result's
// integer times at 7..9).
struct StructSeqField {
  const char* name;
  const char* doc = nullptr;
};

struct StructSeqDesc {
  const char* name;              // with the module: "os.stat_result"
  const char* doc;               // may be null
  const StructSeqField* fields;  // n_fields entries
  size_t n_fields;
  size_t n_visible;              // n_sequence_fields
  // Runs on every instance made by calling the type (stat_result fills its float times from the
  // integer ones when they are None, as CPython's does). May be null.
  void (*after_new)(Value self) = nullptr;
};

// A new struct-sequence type (immortal); null + error.
TypeObject* structseq_new_type(const StructSeqDesc& desc);

// An instance of `type` with every field null: the caller stores each field with structseq_set
// before the object is shared.
Value structseq_new(TypeObject* type);
// Stores field i (STEALS `value`, which must not be null).
void structseq_set(Value seq, size_t i, Value value);
// Field i (borrowed).
Value structseq_get(Value seq, size_t i);

bool is_structseq_type(const TypeObject* type);

}  // namespace krait::runtime
