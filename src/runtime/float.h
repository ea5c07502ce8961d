// float: an immediate inside a Value (value.h) for exact floats; instances of float subclasses
// are heap FloatObjects.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/builtin_types.h"
#include "runtime/object.h"

namespace krait::runtime {

// An instance of a subclass of float (exact floats are immediates, never FloatObjects).
struct FloatObject : Object {
  double value = 0.0;
};

// Never allocates.
inline Value float_from_double(double d) { return Value::floating(d); }

// float or any subclass of float.
bool is_float_subclass_object(Value v);
inline bool is_float(Value v) { return v.is_float() || (v.is_object() && is_float_subclass_object(v)); }
inline bool is_float_exact(Value v) { return v.is_float(); }

// Precondition: is_float(v).
inline double float_value(Value v) {
  return v.is_float() ? v.as_float() : static_cast<FloatObject*>(v.as_object())->value;
}

// The value of a float, an int or anything with __float__ / __index__ (PyFloat_AsDouble):
// false + TypeError "must be real number, not X" (or the conversion's error) otherwise.
bool as_double(Value v, double* out);

// repr(float) as a str (shortest round-trip, "inf", "nan", "1e+16").
Value float_repr(Value v);
// hash of a double (mod 2^61-1; equals int hash for integral values; nan hashes as
// the object identity in 3.11 -> callers pass the Value to float_hash).
int64_t hash_double(double d);
int64_t float_hash(Value v);

// float(text): strips whitespace, accepts underscores between digits, inf/nan/infinity;
// ValueError "could not convert string to float: 'x'" (repr of `original` when given).
Value float_from_string(std::string_view text, Value original = Value());

// The VM's fast paths (float, float/int) -> float; null + ZeroDivisionError on division by zero.
Value float_add(Value a, Value b);
Value float_subtract(Value a, Value b);
Value float_multiply(Value a, Value b);
Value float_true_divide(Value a, Value b);
Value float_richcompare(Value a, Value b, CompareOp op);  // NotImplemented for non-numbers

// Formatting used by str % and format(): `type` one of e E f F g G % r (repr) and precision
// (-1 = default); `alternate` is '#'. Returns the text without padding.
std::string format_double(double d, char type, int precision, bool alternate);

}  // namespace krait::runtime
