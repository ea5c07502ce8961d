// Internal declarations shared by str.cpp, str_methods.cpp and str_format.cpp.
#pragma once

#include "runtime/str.h"

namespace krait::runtime {

// Index of `needle` in haystack[start:end] (already adjusted), or -1.
int64_t str_find_impl(Value haystack, Value needle, int64_t start, int64_t end);
int64_t str_rfind_impl(Value haystack, Value needle, int64_t start, int64_t end);
// A str subclass instance with the code points of `exact`.
Value str_subtype_copy(TypeObject* type, Value exact);
extern const MethodDef str_methods[];
void init_str_types();

}  // namespace krait::runtime
