// complex: always a heap ComplexObject (exact type or subclass).
#pragma once

#include "runtime/builtin_types.h"
#include "runtime/object.h"

namespace krait::runtime {

struct ComplexObject : Object {
  double real = 0.0;
  double imag = 0.0;
};

Value complex_from_doubles(double real, double imag);   // new reference
bool is_complex(Value v);                               // complex or a subclass
inline double complex_real(Value v) { return static_cast<ComplexObject*>(v.as_object())->real; }
inline double complex_imag(Value v) { return static_cast<ComplexObject*>(v.as_object())->imag; }

}  // namespace krait::runtime
